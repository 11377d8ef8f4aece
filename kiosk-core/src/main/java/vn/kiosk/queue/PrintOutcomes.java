package vn.kiosk.queue;

/**
 * The port through which printing records what happened to a ticket's paper. Each call is its own
 * transaction with its outbox event, made on the printer thread or the caller's.
 */
public interface PrintOutcomes {

    /** A print job for the ticket is about to start (a reprint); 404 unknown_ticket if there is none. */
    TicketView markPending(String id);

    /** The ticket is on paper. */
    void markPrinted(String id);

    /** The ticket did not get onto paper; staff can reprint it. */
    void markFailed(String id, String printerState, String error);
}
