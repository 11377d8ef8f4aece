package vn.kiosk.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.json.Json;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.problem.Problem;
import vn.kiosk.storage.Database;
import vn.kiosk.testing.MutableClock;
import vn.kiosk.testing.TestConfigs;

/** The queue against a real SQLite file, with a clock the test moves. */
class QueueServiceTest {

    private static final String CONFIG = """
            businessDay: { resetAt: "04:00" }
            scanning: { dossierServiceId: land }
            queue: { maxPriorityInRow: 2, defaultServiceMinutes: 10, estimateSamples: 20 }
            """ + TestConfigs.TWO_SERVICES;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T02:00:00Z")); // 09:00 local
    private Database db;
    private QueueService queue;
    private final KioskEvents events = new KioskEvents();

    @BeforeEach
    void open() throws Exception {
        KioskConfig config = TestConfigs.load(dir, CONFIG);
        Files.createDirectories(config.dataPath());
        db = Database.open(config.dataPath().resolve("kiosk.db"));
        queue = new QueueService(db, new ServiceCatalog(config), new Outbox(Json.newMapper()), events, clock, config);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void numbersArePerServiceAndZeroPadded() {
        assertEquals("A001", issue("civil-status").number());
        assertEquals("A002", issue("civil-status").number());
        assertEquals("E1", issue("land").number());
        TicketView third = issue("civil-status");
        assertEquals("A003", third.number());
        assertEquals(2, third.waitingAhead());
        assertEquals(20, third.estimatedWaitMinutes(), "2 ahead x default 10 min / 1 counter");
    }

    @Test
    void aUsedUpRangeWidensInsteadOfWrapping() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            numbers.add(issue("land").number());
        }
        assertEquals(List.of("E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11"), numbers);
    }

    @Test
    void numberingRestartsAtTheBusinessDayResetAndYesterdaysTicketsLeaveTheQueue() {
        clock.set(Instant.parse("2026-11-26T20:30:00Z")); // 03:30 local on the 27th: still the 26th's business day
        TicketView late = issue("civil-status");
        assertEquals("A001", late.number());
        assertEquals("2026-11-26", late.businessDay());
        assertEquals("A002", issue("civil-status").number());

        clock.set(Instant.parse("2026-11-26T21:00:00Z")); // 04:00 local: a new business day
        TicketView first = issue("civil-status");
        assertEquals("A001", first.number());
        assertEquals("2026-11-27", first.businessDay());
        assertEquals(0, first.waitingAhead(), "yesterday's waiting tickets are not ahead of today's");
        assertEquals(first.id(), queue.callNext("1", List.of()).orElseThrow().id());
        QueueOverview overview = queue.overview();
        assertEquals("2026-11-27", overview.businessDay());
        assertEquals(0, overview.waitingTotal(), "yesterday's two waiting tickets are not in today's queue");
    }

    @Test
    void priorityIsServedFirstButRegularTicketsAreInterleaved() {
        // arrival order: R1 P1 P2 P3 R2 P4
        String[] plan = {null, "elderly", "disability", "pregnancy", null, "elderly"};
        List<String> numbers = new ArrayList<>();
        for (String p : plan) {
            numbers.add(queue.issue(IssueRequest.of("civil-status", p, Channel.TOUCHSCREEN)).view().number());
            clock.advance(Duration.ofSeconds(5));
        }
        List<String> called = new ArrayList<>();
        for (int i = 0; i < plan.length; i++) {
            called.add(queue.callNext("1", List.of()).orElseThrow().number());
            clock.advance(Duration.ofSeconds(30));
        }
        // maxPriorityInRow = 2: P1 P2, then R1, then P3 P4, then R2
        assertEquals(List.of(numbers.get(1), numbers.get(2), numbers.get(0), numbers.get(3), numbers.get(5), numbers.get(4)),
                called);
        assertTrue(queue.callNext("1", List.of()).isEmpty(), "nobody left");
    }

    @Test
    void lifecycleCompleteNoShowRecallTransfer() {
        TicketView a = issue("civil-status");
        clock.advance(Duration.ofMinutes(1));
        TicketView b = issue("civil-status");
        TicketView called = queue.callNext("1", List.of()).orElseThrow();
        assertEquals(a.id(), called.id());
        assertEquals(TicketStatus.CALLED, called.status());
        assertEquals("1", called.counterId());
        assertEquals("Quầy 1", called.counterName().vi());

        Problem notCalled = assertThrows(Problem.class, () -> queue.complete(b.id()));
        assertEquals(409, notCalled.status());

        TicketView recalled = queue.recall(a.id());
        assertEquals(2, recalled.callCount());
        assertEquals(TicketStatus.NO_SHOW, queue.noShow(a.id()).status());
        assertEquals(TicketStatus.CALLED, queue.recall(a.id()).status(), "a no-show who comes back can be recalled");
        assertEquals(TicketStatus.COMPLETED, queue.complete(a.id()).status());

        // b is transferred to land: same number, same arrival, waiting at the new service
        TicketView moved = queue.transfer(b.id(), "land");
        assertEquals(b.number(), moved.number());
        assertEquals(b.issuedAt(), moved.issuedAt());
        assertEquals("land", moved.serviceId());
        assertEquals(TicketStatus.ISSUED, moved.status());
        clock.advance(Duration.ofMinutes(1));
        TicketView newcomer = issue("land");
        assertEquals(1, newcomer.waitingAhead(), "the transferred citizen keeps their earlier arrival");
        assertEquals(b.id(), queue.callNext("2", List.of()).orElseThrow().id());

        assertEquals(404, assertThrows(Problem.class, () -> queue.complete("nope")).status());
        assertEquals(404, assertThrows(Problem.class, () -> issue("nope")).status());
        assertEquals(400, assertThrows(Problem.class,
                () -> queue.issue(IssueRequest.of("land", "vip", Channel.ROBOT))).status());
        assertEquals(409, assertThrows(Problem.class, () -> queue.transfer(a.id(), "land")).status());
    }

    @Test
    void callingNextCompletesTheTicketTheCounterWasServing() {
        TicketView a = issue("civil-status");
        TicketView b = issue("civil-status");
        queue.callNext("1", List.of());
        queue.callNext("1", List.of());
        assertEquals(TicketStatus.COMPLETED, queue.ticket(a.id()).status());
        assertEquals(TicketStatus.CALLED, queue.ticket(b.id()).status());
    }

    @Test
    void estimatesLearnFromMeasuredServiceTimes() {
        for (int i = 0; i < 4; i++) {
            issue("civil-status");
        }
        for (int i = 0; i < 4; i++) {
            queue.callNext("1", List.of());
            clock.advance(Duration.ofMinutes(3)); // each citizen takes 3 minutes
        }
        queue.callNext("1", List.of()); // completes the 4th
        issue("civil-status");
        TicketView t = issue("civil-status");
        assertEquals(1, t.waitingAhead());
        assertEquals(3, t.estimatedWaitMinutes(), "1 ahead x median 3 min / 1 active counter");
    }

    @Test
    void everyChangeWritesAnOutboxEventInOrderWithoutPersonalData() throws Exception {
        TicketView t = queue.issue(IssueRequest.of("civil-status", "elderly", Channel.ROBOT)).view();
        queue.callNext("1", List.of());
        queue.noShow(t.id());
        ObjectMapper json = new ObjectMapper();
        List<String> types = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        JsonNode issued = db.read(c -> {
            JsonNode first = null;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, type, data FROM outbox ORDER BY seq")) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    types.add(rs.getString(2));
                    if (first == null) {
                        try {
                            first = json.readTree(rs.getString(3));
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    }
                }
            }
            return first;
        });
        assertEquals(List.of("ticket.issued", "ticket.called", "ticket.no_show"), types);
        assertTrue(seqs.get(0) < seqs.get(1) && seqs.get(1) < seqs.get(2));
        assertEquals(t.id(), issued.get("ticketId").asText());
        assertEquals("A001", issued.get("number").asText());
        assertEquals("civil-status", issued.get("serviceId").asText());
        assertEquals("robot", issued.get("channel").asText());
        assertEquals("elderly", issued.get("priority").asText());
        assertEquals(Set.of("ticketId", "number", "serviceId", "channel", "priority"), fieldNames(issued));
    }

    @Test
    void eachCommittedChangeIsPublishedOnceInOrderAndARefusedOneNot() {
        List<String> heard = new ArrayList<>();
        events.subscribe(TicketChanged.class, e -> heard.add(e.change() + " " + e.ticket().number() + " "
                + e.ticket().status().id()));
        IssueRequest tap = new IssueRequest("civil-status", null, Channel.TOUCHSCREEN, "tap-1", true);
        String a = queue.issue(tap).view().id();
        queue.issue(tap); // the same request again: no new ticket, no event
        String b = issue("civil-status").id();
        queue.markPrinted(a);
        queue.callNext("1", List.of());
        queue.callNext("1", List.of()); // completes A001, then calls A002
        assertThrows(Problem.class, () -> queue.transfer(a, "land")); // completed: rolled back
        assertThrows(Problem.class, () -> queue.noShow(a));
        queue.transfer(b, "land");
        queue.markFailed(b, "PAPER_OUT", "out of paper");
        assertEquals(List.of("ISSUED A001 issued", "ISSUED A002 issued", "PRINTED A001 issued", "CALLED A001 called",
                "COMPLETED A001 completed", "CALLED A002 called", "TRANSFERRED A002 issued", "PRINT_FAILED A002 issued"),
                heard);
    }

    @Test
    void concurrentIssuingNeverRepeatsANumber() throws Exception {
        int threads = 8;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> numbers = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    numbers.add(issue("civil-status").number());
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        assertEquals(threads * perThread, numbers.size());
        assertEquals(threads * perThread, new HashSet<>(numbers).size(), "no number given twice");
        for (int i = 1; i <= threads * perThread; i++) {
            assertTrue(numbers.contains(String.format("A%03d", i)), "A" + i + " missing: numbers are contiguous");
        }
    }

    @Test
    void anEmptyQueueCallsNobody() {
        assertTrue(queue.callNext("1", List.of()).isEmpty());
        assertFalse(queue.overview().services().isEmpty());
        assertTrue(queue.overview().services().get(0).nowServing().isEmpty());
    }

    @Test
    void theDeskRecordsPrintOutcomesThroughItsPort() {
        IssueRequest tap = new IssueRequest("land", null, Channel.TOUCHSCREEN, "tap-1", true);
        TicketIssuer.Issue first = queue.issue(tap);
        assertTrue(first.created());
        String id = first.view().id();
        assertEquals(PrintState.PENDING, first.view().printState());

        PrintOutcomes outcomes = queue;
        outcomes.markFailed(id, "PAPER_OUT", "out of paper");
        TicketView failed = queue.ticket(id);
        assertEquals(PrintState.FAILED, failed.printState());
        assertEquals("out of paper", failed.printError());
        assertFalse(failed.printed());

        assertEquals(PrintState.PENDING, outcomes.markPending(id).printState());
        outcomes.markPrinted(id);
        TicketView printed = queue.ticket(id);
        assertEquals(PrintState.PRINTED, printed.printState());
        assertTrue(printed.printed());
        assertEquals(null, printed.printError());

        TicketIssuer.Issue again = queue.issue(tap);
        assertFalse(again.created(), "the same request id gets the same ticket");
        assertEquals(id, again.view().id());
    }

    @Test
    void aTicketNoPrinterTakesHasPrintStateNone() {
        TicketView t = issue("land");
        assertEquals(PrintState.NONE, t.printState());
        assertFalse(t.printed());
    }

    private TicketView issue(String service) {
        return queue.issue(IssueRequest.of(service, null, Channel.TOUCHSCREEN)).view();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
