package vn.kiosk.queue;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The data of the ticket events in the outbox, one record per event type. Each names the ticket by
 * id and number (never a person: tickets hold no personal data), then what the change adds.
 */
public sealed interface TicketEventData {

    /** {@code ticket.issued}. */
    record Issued(String ticketId, String number, String serviceId, String priority, Channel channel)
            implements TicketEventData {

        static Issued of(Ticket t) {
            return new Issued(t.id(), t.number(), t.serviceId(), t.priority(), t.channel());
        }
    }

    /** {@code ticket.called}. */
    record Called(String ticketId, String number, String serviceId, String priority, String counterId)
            implements TicketEventData {

        static Called of(Ticket t, String counterId) {
            return new Called(t.id(), t.number(), t.serviceId(), t.priority(), counterId);
        }
    }

    /** {@code ticket.recalled}: called again at the same counter; {@code callCount} includes this call. */
    record Recalled(String ticketId, String number, String serviceId, String priority, String counterId, int callCount)
            implements TicketEventData {

        static Recalled of(Ticket t, String counterId) {
            return new Recalled(t.id(), t.number(), t.serviceId(), t.priority(), counterId, t.callCount());
        }
    }

    /** {@code ticket.transferred}: {@code serviceId} is the new service. */
    record Transferred(String ticketId, String number, String serviceId, String priority, String fromServiceId)
            implements TicketEventData {

        static Transferred of(Ticket t, String fromServiceId) {
            return new Transferred(t.id(), t.number(), t.serviceId(), t.priority(), fromServiceId);
        }
    }

    /**
     * {@code ticket.completed} and {@code ticket.no_show}; {@code automatic} (true, or absent) when the
     * counter called its next ticket without finishing this one first.
     */
    record Finished(String ticketId, String number, String serviceId, String priority, String counterId,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean automatic) implements TicketEventData {

        static Finished of(Ticket t, String counterId, boolean automatic) {
            return new Finished(t.id(), t.number(), t.serviceId(), t.priority(), counterId, automatic ? Boolean.TRUE : null);
        }
    }

    /** {@code ticket.printed}. */
    record Printed(String ticketId, String number) implements TicketEventData { }

    /** {@code ticket.print_failed}: the printer's state word when the print failed. */
    record PrintFailed(String ticketId, String number, String printerState) implements TicketEventData { }
}
