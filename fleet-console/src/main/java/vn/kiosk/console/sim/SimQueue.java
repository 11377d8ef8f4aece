package vn.kiosk.console.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * One simulated kiosk's ticket queue: each step issues a ticket, calls the oldest waiting one to one
 * of five counters, or completes one being served, in equal shares over time with a few citizens
 * waiting. Services and prefixes are those of the sample configuration (config/kiosk.yaml).
 */
final class SimQueue {

    record Service(String id, String prefix) { }

    /** One ticket event: its outbox type and data. */
    record Change(String type, SimTicketData data) { }

    /** A ticket; {@code counterId} is null until it is called. */
    record Ticket(String id, String number, String serviceId, String counterId) { }

    static final List<Service> SERVICES = List.of(new Service("civil-status", "A"), new Service("civil-extract", "B"),
            new Service("marital-status", "C"), new Service("certification", "D"), new Service("land", "E"),
            new Service("business-household", "G"), new Service("social-allowance", "H"));
    private static final int COUNTERS = 5;
    /** Beyond this many waiting, a step calls rather than issues: counters keep up over a day. */
    private static final int MAX_WAITING = 25;
    /** A reprint is asked for a ticket just issued; more would cost a 1,000-kiosk sim's heap dearly. */
    private static final int KEEP_ISSUED = 50;

    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final Deque<Ticket> waiting = new ArrayDeque<>();
    private final Deque<Ticket> serving = new ArrayDeque<>();
    /** The tickets issued lately, for reprints (bounded: a simulated day never ends). */
    private final Map<String, Ticket> issued = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ticket> eldest) {
            return size() > KEEP_ISSUED;
        }
    };

    synchronized Change next(RandomGenerator random) {
        // Shares tried so that, with the steps that cannot happen turned into issues, the three kinds
        // come equally often and about six citizens wait.
        double pick = waiting.size() > MAX_WAITING ? 0.5 : random.nextDouble();
        if (pick < 0.35 && !serving.isEmpty()) {
            return complete();
        }
        if (pick >= 0.35 && pick < 0.75 && !waiting.isEmpty()) {
            // every counter busy: the oldest of them finishes first
            return serving.size() >= COUNTERS ? complete() : call(random);
        }
        return issue(random);
    }

    private Change issue(RandomGenerator random) {
        Service s = SERVICES.get(random.nextInt(SERVICES.size()));
        int n = lastNumber.merge(s.id(), 1, (a, b) -> a % 999 + 1);
        Ticket t = new Ticket(UUID.randomUUID().toString(), s.prefix() + String.format("%03d", n), s.id(), null);
        waiting.addLast(t);
        issued.put(t.id(), t);
        return new Change("ticket.issued", new SimTicketData.Issued(t.id(), t.number(), t.serviceId(), null, "touchscreen"));
    }

    private Change call(RandomGenerator random) {
        Ticket w = waiting.removeFirst();
        Ticket t = new Ticket(w.id(), w.number(), w.serviceId(), Integer.toString(1 + random.nextInt(COUNTERS)));
        serving.addLast(t);
        return new Change("ticket.called", new SimTicketData.Called(t.id(), t.number(), t.serviceId(), null, t.counterId()));
    }

    private Change complete() {
        Ticket t = serving.removeFirst();
        return new Change("ticket.completed", new SimTicketData.Finished(t.id(), t.number(), t.serviceId(), null,
                t.counterId()));
    }

    /** A ticket issued lately, as it was issued; null when unknown. */
    synchronized Ticket find(String ticketId) {
        return issued.get(ticketId);
    }

    synchronized long waiting() {
        return waiting.size();
    }

    /** Waiting tickets per service id, every service listed (as the real kiosk's overview does). */
    synchronized Map<String, Long> waitingPerService() {
        Map<String, Long> out = new LinkedHashMap<>();
        SERVICES.forEach(s -> out.put(s.id(), 0L));
        waiting.forEach(t -> out.merge(t.serviceId(), 1L, Long::sum));
        return out;
    }
}
