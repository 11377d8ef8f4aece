package vn.kiosk.console.sim;

/**
 * The data of the ticket events a simulated kiosk sends, field for field what the real kiosk's
 * {@code vn.kiosk.queue.TicketEventData} writes (that type lives in kiosk-core, which the console does
 * not depend on).
 */
sealed interface SimTicketData {

    /** {@code ticket.issued}; {@code channel} is the lower-case channel id ("touchscreen"). */
    record Issued(String ticketId, String number, String serviceId, String priority, String channel)
            implements SimTicketData { }

    /** {@code ticket.called}. */
    record Called(String ticketId, String number, String serviceId, String priority, String counterId)
            implements SimTicketData { }

    /** {@code ticket.completed}. */
    record Finished(String ticketId, String number, String serviceId, String priority, String counterId)
            implements SimTicketData { }
}
