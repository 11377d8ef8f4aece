package vn.kiosk.queue;

import java.time.Instant;
import java.time.LocalDate;

/** A ticket as stored. {@code issuedAt} is the citizen's arrival and survives transfers. */
public record Ticket(
        String id,
        LocalDate businessDay,
        String number,
        String serviceId,
        String issuedServiceId,
        String priority,
        Channel channel,
        TicketStatus status,
        Instant issuedAt,
        Instant calledAt,
        String counterId,
        int callCount,
        Instant finishedAt,
        PrintState printState,
        String printError) {

    /** A ticket just handed out: waiting in the service it was issued for, never called. */
    public static Ticket issued(String id, LocalDate businessDay, String number, String serviceId, String priority,
                                Channel channel, Instant issuedAt, PrintState printState) {
        return new Ticket(id, businessDay, number, serviceId, serviceId, priority, channel, TicketStatus.ISSUED,
                issuedAt, null, null, 0, null, printState, null);
    }

    public boolean isPriority() {
        return priority != null;
    }
}
