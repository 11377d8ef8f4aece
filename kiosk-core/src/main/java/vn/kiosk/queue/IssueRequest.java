package vn.kiosk.queue;

/**
 * What a caller asks for when it takes a ticket.
 *
 * @param priority  a priority category id, or null for a regular ticket
 * @param requestId the caller's idempotency key (a double tap, a robot's retry): the same key gets the
 *                  ticket it got the first time, not a second one, even after a crash; the same key with
 *                  another service, priority or channel is 409 request_conflict. Null for none. HTTP keys
 *                  are the caller's requestId as sent; fleet commands use {@code mqtt/<role>/<id>}, which
 *                  no HTTP key can equal ('/' is not allowed in one).
 * @param willPrint the ticket goes to a printer next (printState pending rather than none)
 */
public record IssueRequest(String serviceId, String priority, Channel channel, String requestId, boolean willPrint) {

    /** A request with no idempotency key, not printed. */
    public static IssueRequest of(String serviceId, String priority, Channel channel) {
        return new IssueRequest(serviceId, priority, channel, null, false);
    }

    public IssueRequest withRequestId(String id) {
        return new IssueRequest(serviceId, priority, channel, id, willPrint);
    }

    public IssueRequest withPrint(boolean print) {
        return new IssueRequest(serviceId, priority, channel, requestId, print);
    }
}
