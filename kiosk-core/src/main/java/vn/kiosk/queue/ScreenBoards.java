package vn.kiosk.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import vn.kiosk.config.KioskConfig;

/** Builds the counter page's and the waiting-room display's read models inside the caller's read transaction. */
final class ScreenBoards {

    private final ServiceCatalog catalog;
    private final CallPolicy callPolicy;
    private final KioskConfig.Text centre;
    private final ZoneId zone;

    ScreenBoards(ServiceCatalog catalog, CallPolicy callPolicy, KioskConfig config) {
        this.catalog = catalog;
        this.callPolicy = callPolicy;
        this.centre = config.site().name();
        this.zone = config.zone();
    }

    CounterBoard counter(TicketStore store, Connection c, KioskConfig.Counter counter, TicketView serving, LocalDate day, Instant now,
                         QueueMode mode) throws SQLException {
        List<String> services = catalog.servicesOf(counter.id());
        long total = 0;
        for (String s : services) {
            total += store.waiting(c, day, s);
        }
        List<CounterBoard.WaitingTicket> waiting = new ArrayList<>();
        for (Ticket t : callingOrder(store, c, counter.id(), services, day)) {
            waiting.add(new CounterBoard.WaitingTicket(t.id(), t.number(), t.serviceId(), t.priority(),
                    catalog.priority(t.priority()).map(KioskConfig.PriorityCategory::name).orElse(null), local(t.issuedAt()),
                    Math.max(0, Duration.between(t.issuedAt(), now).toMinutes())));
        }
        return new CounterBoard(counter.id(), counter.name(), services, serving, total, waiting, local(now), mode);
    }

    /** The waiting tickets in the order this counter's "next" would call them, as things stand. */
    private List<Ticket> callingOrder(TicketStore store, Connection c, String counterId, List<String> services, LocalDate day)
            throws SQLException {
        if (services.isEmpty()) {
            return List.of();
        }
        LinkedList<Ticket> priority = new LinkedList<>(store.waitingInOrder(c, day, services, true, CounterBoard.LISTED));
        LinkedList<Ticket> regular = new LinkedList<>(store.waitingInOrder(c, day, services, false, CounterBoard.LISTED));
        LinkedList<Boolean> recent = new LinkedList<>(store.recentCallsPriority(c, day, counterId,
                callPolicy.maxPriorityInRow()));
        List<Ticket> order = new ArrayList<>();
        while (order.size() < CounterBoard.LISTED && (!priority.isEmpty() || !regular.isEmpty())) {
            Ticket next = callPolicy.choose(priority.peekFirst(), regular.peekFirst(), recent);
            (next.isPriority() ? priority : regular).removeFirst();
            order.add(next);
            recent.addFirst(next.isPriority());
        }
        return order;
    }

    DisplayBoard display(TicketStore store, Connection c, LocalDate day, Instant now) throws SQLException {
        List<DisplayBoard.Call> calls = new ArrayList<>();
        for (Ticket t : store.latestCalls(c, day, DisplayBoard.CALLS)) {
            var counter = catalog.counter(t.counterId());
            calls.add(new DisplayBoard.Call(t.id(), t.number(), t.serviceId(), t.counterId(),
                    counter.map(KioskConfig.Counter::name).orElse(null), counter.map(KioskConfig.Counter::location).orElse(null),
                    local(t.calledAt()), t.callCount()));
        }
        List<DisplayBoard.ServiceWaiting> waiting = new ArrayList<>();
        long total = 0;
        for (KioskConfig.Service s : catalog.services()) {
            long n = store.waiting(c, day, s.id());
            total += n;
            waiting.add(new DisplayBoard.ServiceWaiting(s.id(), s.prefix(), s.name(), n));
        }
        return new DisplayBoard(centre, zone.getId(), local(now), calls, waiting, total);
    }

    private OffsetDateTime local(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
