package vn.kiosk.queue;

import java.time.OffsetDateTime;
import java.util.List;
import vn.kiosk.config.KioskConfig.Text;

/**
 * What a counter's page shows, read from the stored tickets so that a reload or a second browser at
 * the same counter shows the same: the ticket the counter is serving (status called; null when none)
 * and the waiting tickets of its services in the order "next" would call them (priority rules
 * included), at most {@link #LISTED} of {@code waitingTotal}. {@code asOf} is the kiosk's clock, so
 * a browser on a machine with a wrong clock still counts the waiting minutes right. {@code queueMode}
 * island: the site's server is away and the list holds only the tickets this kiosk issued on its own.
 */
public record CounterBoard(String counterId, Text name, List<String> serviceIds, TicketView serving, long waitingTotal,
                           List<WaitingTicket> waiting, OffsetDateTime asOf, QueueMode queueMode) {

    /** Enough for a clerk's screen; the rest are counted in {@code waitingTotal}. */
    public static final int LISTED = 50;

    public record WaitingTicket(String id, String number, String serviceId, String priority, Text priorityName,
                                OffsetDateTime issuedAt, long waitedMinutes) { }
}
