package vn.kiosk.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.problem.Problem;
import vn.kiosk.storage.Database;

/**
 * The one application service for the queue: the touchscreen, robots and counters all come here.
 * Each operation is one transaction on the queue's store (the kiosk's SQLite file, or the site's
 * PostgreSQL shared by the kiosks of a centre: {@link QueueStores} picks) that changes the ticket
 * and appends its event, so the state and the event exist together or not at all; its
 * {@link TicketChanged} goes to the subscribers once that transaction has committed.
 */
public final class QueueService implements TicketIssuer, PrintOutcomes {

    private static final Duration ACTIVE_COUNTER_WINDOW = Duration.ofHours(1);

    private final QueueStores stores;
    private final ServiceCatalog catalog;
    private final KioskEvents events;
    private final Clock clock;
    private final BusinessDay businessDay;
    private final CallPolicy callPolicy;
    private final WaitEstimator estimator;
    private final int estimateSamples;
    private final ScreenBoards boards;

    public QueueService(QueueStores stores, ServiceCatalog catalog, KioskEvents events, Clock clock, KioskConfig config) {
        this.stores = stores;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
        this.businessDay = new BusinessDay(config.zone(), config.businessDayStart());
        this.callPolicy = new CallPolicy(config.queue().maxPriorityInRow());
        this.estimator = new WaitEstimator(config.queue().defaultServiceMinutes());
        this.estimateSamples = config.queue().estimateSamples();
        this.boards = new ScreenBoards(catalog, callPolicy, config);
    }

    /** A lone kiosk's queue in its own SQLite file (tests and tools). */
    public QueueService(Database db, ServiceCatalog catalog, Outbox outbox, KioskEvents events, Clock clock,
                        KioskConfig config) {
        this(QueueStores.alone(db, outbox, config.device().id()), catalog, events, clock, config);
    }

    /** Where tickets go now and what waits to be merged. */
    public QueueStoreStatus storeStatus() {
        return stores.status();
    }

    /** See {@link IssueRequest} for the request id: it is kept with the ticket in its own transaction. */
    @Override
    public Issue issue(IssueRequest request) {
        String serviceId = request.serviceId();
        String priority = request.priority();
        Channel channel = request.channel();
        String requestId = request.requestId();
        KioskConfig.Service service = catalog.service(serviceId).orElseThrow(() -> Problem.notFound(
                "unknown_service", "no service with id '" + serviceId + "'; GET /api/services lists them"));
        if (priority != null && !catalog.hasPriority(priority)) {
            throw Problem.badRequest("unknown_priority", "no priority category '" + priority + "'; known: "
                    + catalog.priorities().stream().map(KioskConfig.PriorityCategory::id).toList());
        }
        Instant now = now();
        LocalDate day = businessDay.of(now);
        return stores.run(q -> issue(q, request, service, now, day));
    }

    private Issue issue(QueueStore q, IssueRequest request, KioskConfig.Service service, Instant now, LocalDate day) {
        String priority = request.priority();
        Channel channel = request.channel();
        String requestKey = q.requestKey(request.requestId());
        TicketStore store = q.tickets();
        Stored issued = q.tx().inTransaction(c -> {
            if (requestKey != null) {
                Optional<Ticket> earlier = store.findByRequest(c, requestKey);
                if (earlier.isPresent()) {
                    Ticket t = earlier.get();
                    if (!t.issuedServiceId().equals(service.id()) || !java.util.Objects.equals(t.priority(), priority)
                            || t.channel() != channel) {
                        throw Problem.conflict("request_conflict", "this requestId was already used for ticket "
                                + t.number() + " (serviceId '" + t.issuedServiceId() + "', priority "
                                + (t.priority() == null ? "none" : "'" + t.priority() + "'") + ", channel " + t.channel().id()
                                + "); a new request needs a new requestId");
                    }
                    return new Stored(t, false);
                }
            }
            String number = q.nextNumber(c, day, service);
            Ticket t = Ticket.issued(UUID.randomUUID().toString(), day, number, service.id(), priority, channel, now,
                    request.willPrint() ? PrintState.PENDING : PrintState.NONE);
            store.insert(c, t, requestKey);
            q.append(c, "ticket.issued", now, TicketEventData.Issued.of(t));
            changed(q, c, TicketChanged.Change.ISSUED, t);
            return new Stored(t, true);
        });
        // the answer is read after the commit: the site's number lock is held no longer than the issue needs
        return new Issue(q.tx().read(c -> view(q, c, issued.ticket())), issued.created());
    }

    /** A ticket as the transaction stored it, and whether this request made it. */
    private record Stored(Ticket ticket, boolean created) { }

    @Override
    public TicketView ticket(String id) {
        return stores.run(q -> q.tx().read(c -> view(q, c, find(q, c, id))));
    }

    /**
     * Calls the next ticket for a counter. The ticket the counter was serving, if any, is completed
     * first (pressing "next" means the previous citizen is done).
     *
     * @param serviceIds the services to call from; empty = those the counter serves
     */
    public Optional<TicketView> callNext(String counterId, List<String> serviceIds) {
        catalog.counter(counterId).orElseThrow(() -> Problem.notFound("unknown_counter",
                "no counter with id '" + counterId + "'"));
        List<String> services = serviceIds == null || serviceIds.isEmpty() ? catalog.servicesOf(counterId) : serviceIds;
        for (String s : services) {
            catalog.service(s).orElseThrow(() -> Problem.badRequest("unknown_service", "no service with id '" + s + "'"));
        }
        if (services.isEmpty()) {
            throw Problem.badRequest("no_services", "counter '" + counterId + "' serves no service; name them in \"services\"");
        }
        Instant now = now();
        LocalDate day = businessDay.of(now);
        return stores.run(q -> {
            TicketStore store = q.tickets();
            Optional<Ticket> called = q.tx().inTransaction(c -> {
                q.lockQueue(c);
                for (Ticket serving : store.calledAt(c, counterId)) {
                    finish(q, c, serving, TicketStatus.COMPLETED, now, true);
                }
                Ticket priority = store.oldestWaiting(c, day, services, true).orElse(null);
                Ticket regular = store.oldestWaiting(c, day, services, false).orElse(null);
                List<Boolean> recent = store.recentCallsPriority(c, day, counterId, callPolicy.maxPriorityInRow());
                Ticket next = callPolicy.choose(priority, regular, recent);
                if (next == null) {
                    return Optional.<Ticket>empty();
                }
                store.markCalled(c, next.id(), counterId, now, true);
                Ticket updated = store.find(c, next.id()).orElseThrow();
                q.append(c, "ticket.called", now, TicketEventData.Called.of(updated, counterId));
                changed(q, c, TicketChanged.Change.CALLED, updated);
                return Optional.of(updated);
            });
            return called.map(t -> q.tx().read(c -> view(q, c, t)));
        });
    }

    public TicketView complete(String id) {
        return finish(id, TicketStatus.COMPLETED);
    }

    public TicketView noShow(String id) {
        return finish(id, TicketStatus.NO_SHOW);
    }

    /** Calls a ticket again at the same counter (the citizen did not come, or came back). */
    public TicketView recall(String id) {
        Instant now = now();
        return change(id, (q, c, t) -> {
            if (t.counterId() == null || (t.status() != TicketStatus.CALLED && t.status() != TicketStatus.NO_SHOW)) {
                throw Problem.conflict("not_called", "ticket " + t.number() + " is " + t.status().id()
                        + "; only a called or no-show ticket can be recalled");
            }
            q.tickets().markCalled(c, t.id(), t.counterId(), now, false);
            Ticket updated = q.tickets().find(c, id).orElseThrow();
            q.append(c, "ticket.recalled", now, TicketEventData.Recalled.of(updated, t.counterId()));
            changed(q, c, TicketChanged.Change.RECALLED, updated);
            return updated;
        });
    }

    /** Moves a waiting or called ticket to another service; it keeps its number and its arrival time. */
    public TicketView transfer(String id, String toServiceId) {
        KioskConfig.Service target = catalog.service(toServiceId).orElseThrow(() -> Problem.badRequest(
                "unknown_service", "no service with id '" + toServiceId + "' to transfer to"));
        Instant now = now();
        return change(id, (q, c, t) -> {
            if (t.status() == TicketStatus.COMPLETED || t.status() == TicketStatus.NO_SHOW) {
                throw Problem.conflict("ticket_finished", "ticket " + t.number() + " is " + t.status().id()
                        + " and cannot be transferred");
            }
            if (t.serviceId().equals(target.id())) {
                throw Problem.conflict("same_service", "ticket " + t.number() + " is already in " + target.id());
            }
            q.tickets().moveToService(c, t.id(), target.id());
            Ticket updated = q.tickets().find(c, id).orElseThrow();
            q.append(c, "ticket.transferred", now, TicketEventData.Transferred.of(updated, t.serviceId()));
            changed(q, c, TicketChanged.Change.TRANSFERRED, updated);
            return updated;
        });
    }

    @Override
    public TicketView markPending(String id) {
        return stores.run(q -> q.tx().inTransaction(c -> {
            Ticket t = find(q, c, id);
            q.tickets().setPrintState(c, id, PrintState.PENDING, null);
            return view(q, c, q.tickets().find(c, t.id()).orElseThrow());
        }));
    }

    /**
     * Synced later (no fsync of its own: the ticket's commit had one): a power cut within a
     * fraction of a second may leave the ticket "pending", which staff see and may reprint; it
     * halved a printed ticket's disk flushes and took them off the printer's thread.
     */
    @Override
    public void markPrinted(String id) {
        Instant now = now();
        stores.run(q -> q.tx().inTransactionSyncedLater(c -> {
            q.tickets().setPrintState(c, id, PrintState.PRINTED, null);
            Ticket t = find(q, c, id);
            q.append(c, "ticket.printed", now, new TicketEventData.Printed(t.id(), t.number()));
            changed(q, c, TicketChanged.Change.PRINTED, t);
            return t;
        }));
    }

    @Override
    public void markFailed(String id, String printerState, String reason) {
        Instant now = now();
        stores.run(q -> q.tx().inTransactionSyncedLater(c -> {
            q.tickets().setPrintState(c, id, PrintState.FAILED, reason);
            Ticket t = find(q, c, id);
            q.append(c, "ticket.print_failed", now, new TicketEventData.PrintFailed(t.id(), t.number(), printerState));
            changed(q, c, TicketChanged.Change.PRINT_FAILED, t);
            return t;
        }));
    }

    public QueueOverview overview() {
        Instant now = now();
        LocalDate day = businessDay.of(now);
        QueueOverview overview = stores.run(q -> q.tx().read(c -> {
            TicketStore store = q.tickets();
            Map<String, List<QueueOverview.Serving>> serving = new LinkedHashMap<>();
            for (Ticket t : store.nowServing(c, day)) {
                serving.computeIfAbsent(t.serviceId(), k -> new ArrayList<>()).add(new QueueOverview.Serving(
                        t.id(), t.number(), t.counterId(), local(t.calledAt()).toString()));
            }
            List<QueueOverview.ServiceQueue> services = new ArrayList<>();
            long total = 0;
            for (KioskConfig.Service s : catalog.services()) {
                long waiting = store.waiting(c, day, s.id());
                total += waiting;
                services.add(new QueueOverview.ServiceQueue(s.id(), s.prefix(), s.name(), waiting,
                        estimate(store, c, s, waiting, now), serving.getOrDefault(s.id(), List.of())));
            }
            return new QueueOverview(day.toString(), services, total, null);
        }));
        return overview.withStore(stores.status());
    }

    /** The counter page's read model: the ticket the counter serves and its services' waiting list. */
    public CounterBoard counterBoard(String counterId) {
        KioskConfig.Counter counter = catalog.counter(counterId).orElseThrow(() -> Problem.notFound("unknown_counter",
                "no counter with id '" + counterId + "'"));
        Instant now = now();
        return stores.run(q -> q.tx().read(c -> {
            List<Ticket> called = q.tickets().calledAt(c, counterId);
            TicketView serving = called.isEmpty() ? null : view(q, c, called.get(called.size() - 1));
            return boards.counter(q.tickets(), c, counter, serving, businessDay.of(now), now, stores.mode());
        }));
    }

    /** The waiting-room display's read model: the centre, the latest calls, the waiting per service. */
    public DisplayBoard displayBoard() {
        Instant now = now();
        return stores.run(q -> q.tx().read(c -> boards.display(q.tickets(), c, businessDay.of(now), now)));
    }

    /**
     * Every ticket of the business days from..to (inclusive), in arrival order, for reports: on a
     * site, the whole site's. In island mode there is no whole queue to read, so it says so.
     */
    public void history(LocalDate from, LocalDate to, java.util.function.Consumer<TicketRecord> each) {
        stores.run(q -> {
            if (stores.isSite() && stores.mode() == QueueMode.ISLAND) { // also when the server went away just now
                throw Problem.unavailable("site_unreachable", "reports read the site queue, whose server this kiosk "
                        + "cannot reach now; try again when its health says queue mode site");
            }
            return q.readMany(c -> {
                q.tickets().history(c, from, to, each);
                return null;
            });
        });
    }

    /** The zone business days and hours are counted in. */
    public java.time.ZoneId zone() {
        return businessDay.zone();
    }

    /** A change to one existing ticket: found, checked and changed under the queue's lock, in one transaction. */
    @FunctionalInterface
    private interface TicketChange {
        Ticket apply(QueueStore q, Connection c, Ticket t) throws SQLException;
    }

    private TicketView change(String id, TicketChange change) {
        return stores.run(q -> {
            Ticket changed = q.tx().inTransaction(c -> {
                q.lockQueue(c);
                return change.apply(q, c, find(q, c, id));
            });
            return q.tx().read(c -> view(q, c, changed));
        });
    }

    private TicketView finish(String id, TicketStatus status) {
        Instant now = now();
        return change(id, (q, c, t) -> {
            if (t.status() != TicketStatus.CALLED) {
                throw Problem.conflict("not_called", "ticket " + t.number() + " is " + t.status().id()
                        + "; only a called ticket can be marked " + status.id());
            }
            return finish(q, c, t, status, now, false);
        });
    }

    private Ticket finish(QueueStore q, Connection c, Ticket t, TicketStatus status, Instant now, boolean automatic)
            throws SQLException {
        q.tickets().markFinished(c, t.id(), status, now);
        Ticket updated = q.tickets().find(c, t.id()).orElseThrow();
        String type = status == TicketStatus.COMPLETED ? "ticket.completed" : "ticket.no_show";
        q.append(c, type, now, TicketEventData.Finished.of(updated, t.counterId(), automatic));
        changed(q, c, status == TicketStatus.COMPLETED ? TicketChanged.Change.COMPLETED : TicketChanged.Change.NO_SHOW, updated);
        return updated;
    }

    private Ticket find(QueueStore q, Connection c, String id) throws SQLException {
        return q.tickets().find(c, id).orElseThrow(() -> stores.missingTicket(id));
    }

    /** Millisecond precision: what the database keeps, so a fresh answer equals a later read. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private int estimate(TicketStore store, Connection c, KioskConfig.Service s, long ahead, Instant now) throws SQLException {
        if (ahead == 0) {
            return 0;
        }
        double typical = estimator.typicalMinutes(store.recentServiceDurations(c, s.id(), estimateSamples));
        int active = store.countersActiveSince(c, s.id(), now.minus(ACTIVE_COUNTER_WINDOW));
        return estimator.estimateMinutes(ahead, typical, active > 0 ? active : s.counters().size());
    }

    private TicketView view(QueueStore q, Connection c, Ticket t) throws SQLException {
        KioskConfig.Service s = catalog.service(t.serviceId()).orElse(null);
        Optional<KioskConfig.Counter> counter = catalog.counter(t.counterId());
        long ahead = 0;
        int minutes = 0;
        if (t.status() == TicketStatus.ISSUED && s != null) {
            ahead = q.tickets().waitingAhead(c, t);
            minutes = estimate(q.tickets(), c, s, ahead, now());
        }
        return new TicketView(t.id(), t.number(), t.serviceId(), s == null ? null : s.name(), t.priority(), t.channel(),
                t.status(), t.businessDay().toString(), local(t.issuedAt()), local(t.calledAt()), local(t.finishedAt()),
                t.counterId(), counter.map(KioskConfig.Counter::name).orElse(null),
                counter.map(KioskConfig.Counter::location).orElse(null), s == null ? List.of() : s.counters(),
                t.callCount(), ahead, minutes, t.printState() == PrintState.PRINTED, t.printState(), t.printError());
    }

    private OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(businessDay.zone()).toOffsetDateTime();
    }

    /** Inside the transaction that made the change: the subscribers hear of it once it has committed, the other kiosks too. */
    private void changed(QueueStore q, Connection c, TicketChanged.Change change, Ticket t) throws SQLException {
        q.announce(c, change, t);
        events.publishAfterCommit(q.tx(), new TicketChanged(change, t));
    }
}
