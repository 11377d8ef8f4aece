package vn.kiosk.queue;

/** Issuing a ticket and reading it back: what the ticket desk needs of the queue besides print outcomes. */
public interface TicketIssuer {

    /** A ticket and whether this call created it (false: the request id was seen before). */
    record Issue(TicketView view, boolean created) { }

    Issue issue(IssueRequest request);

    /** The ticket as callers see it; 404 unknown_ticket if there is none. */
    TicketView ticket(String id);
}
