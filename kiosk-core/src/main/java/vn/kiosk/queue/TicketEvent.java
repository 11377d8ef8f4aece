package vn.kiosk.queue;

import java.util.LinkedHashMap;
import java.util.Map;

/** A ticket change as live screens get it (no personal data: tickets hold none). */
public final class TicketEvent {

    private TicketEvent() { }

    public static Map<String, Object> of(Ticket t) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "ticket");
        e.put("ticketId", t.id());
        e.put("number", t.number());
        e.put("serviceId", t.serviceId());
        e.put("status", t.status().id());
        e.put("counterId", t.counterId());
        e.put("callCount", t.callCount());
        e.put("printState", t.printState().id());
        return e;
    }
}
