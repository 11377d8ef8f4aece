package vn.kiosk.queue;

import vn.kiosk.events.KioskEvent;

/** A ticket changed and the change is committed: {@code ticket} is as stored after it (tickets hold no personal data). */
public record TicketChanged(Change change, Ticket ticket) implements KioskEvent {

    /** What happened to it; each has its {@code ticket.*} outbox event written in the same transaction. */
    public enum Change { ISSUED, CALLED, RECALLED, TRANSFERRED, COMPLETED, NO_SHOW, PRINTED, PRINT_FAILED }
}
