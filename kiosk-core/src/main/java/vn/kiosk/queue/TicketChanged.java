package vn.kiosk.queue;

import vn.kiosk.events.KioskEvent;

/**
 * A ticket changed and the change is committed: {@code ticket} is as stored after it (tickets hold
 * no personal data). {@code origin} says whether this kiosk made the change or another kiosk of the
 * site did (heard from the site queue): screens show both, but only this kiosk's own touchscreen
 * session ends with its own ticket.
 */
public record TicketChanged(Change change, Ticket ticket, Origin origin) implements KioskEvent {

    public TicketChanged(Change change, Ticket ticket) {
        this(change, ticket, Origin.THIS_KIOSK);
    }

    /** What happened to it; each has its {@code ticket.*} outbox event written in the same transaction. */
    public enum Change { ISSUED, CALLED, RECALLED, TRANSFERRED, COMPLETED, NO_SHOW, PRINTED, PRINT_FAILED }

    public enum Origin { THIS_KIOSK, OTHER_KIOSK }
}
