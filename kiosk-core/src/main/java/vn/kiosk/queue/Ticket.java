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
        String printState,
        String printError) {

    public boolean isPriority() {
        return priority != null;
    }
}
