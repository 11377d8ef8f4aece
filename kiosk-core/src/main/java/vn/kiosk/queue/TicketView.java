package vn.kiosk.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import vn.kiosk.config.KioskConfig.Text;

/**
 * A ticket as callers see it (HTTP, robots, the touchscreen): with the service's name, where to
 * go, for a waiting ticket how many are ahead and the estimated wait, and whether it is on paper
 * ({@code printState}: none = this kiosk has no printer, pending, printed, failed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(
        String id,
        String number,
        String serviceId,
        Text serviceName,
        String priority,
        Channel channel,
        TicketStatus status,
        String businessDay,
        OffsetDateTime issuedAt,
        OffsetDateTime calledAt,
        OffsetDateTime finishedAt,
        String counterId,
        Text counterName,
        Text counterLocation,
        List<String> servingCounters,
        int callCount,
        long waitingAhead,
        int estimatedWaitMinutes,
        boolean printed,
        PrintState printState,
        String printError) {

    /** The same ticket with the outcome of its print job, as the job just recorded it. */
    public TicketView withPrint(PrintState state, String error) {
        return new TicketView(id, number, serviceId, serviceName, priority, channel, status, businessDay, issuedAt, calledAt,
                finishedAt, counterId, counterName, counterLocation, servingCounters, callCount, waitingAhead,
                estimatedWaitMinutes, state == PrintState.PRINTED, state, error);
    }
}
