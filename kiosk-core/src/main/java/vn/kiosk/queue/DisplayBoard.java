package vn.kiosk.queue;

import java.time.OffsetDateTime;
import java.util.List;
import vn.kiosk.config.KioskConfig.Text;

/**
 * What the waiting-room display shows, read from the stored tickets (each keeps when it was last
 * called), so a reload of the display or a restart of the kiosk shows the same: the centre's name,
 * the latest {@link #CALLS} calls of the business day (newest first; a recall is a new call) and how
 * many wait per service. {@code asOf} and {@code timeZone} let the display show the kiosk's time.
 */
public record DisplayBoard(Text centre, String timeZone, OffsetDateTime asOf, List<Call> latestCalls,
                           List<ServiceWaiting> waiting, long waitingTotal) {

    public static final int CALLS = 5;

    public record Call(String ticketId, String number, String serviceId, String counterId, Text counterName,
                       Text counterLocation, OffsetDateTime calledAt, int callCount) { }

    public record ServiceWaiting(String serviceId, String prefix, Text name, long waiting) { }
}
