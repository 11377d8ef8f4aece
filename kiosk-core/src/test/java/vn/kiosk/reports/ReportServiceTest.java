package vn.kiosk.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.drinks.DrinkHistory;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.json.Json;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.problem.Problem;
import vn.kiosk.queue.Channel;
import vn.kiosk.queue.IssueRequest;
import vn.kiosk.queue.QueueService;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.queue.TicketView;
import vn.kiosk.storage.Database;
import vn.kiosk.testing.MutableClock;
import vn.kiosk.testing.TestConfigs;

/**
 * A seeded set of tickets over two business days (a day before them too), made by the queue itself
 * with a clock the test moves: calls, completions, a no-show, a transfer, a priority ticket, three
 * channels, two counters. Every count and percentile is worked out by hand in the comments.
 */
class ReportServiceTest {

    private static final String CONFIG = """
            businessDay: { resetAt: "04:00" }
            scanning: { dossierServiceId: land }
            """ + TestConfigs.TWO_SERVICES;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z")); // 10:00 local, the day before
    private Database db;
    private QueueService queue;
    private ReportService reports;

    @BeforeEach
    void open() throws Exception {
        KioskConfig config = TestConfigs.load(dir, CONFIG);
        Files.createDirectories(config.dataPath());
        db = Database.open(config.dataPath().resolve("kiosk.db"));
        ServiceCatalog catalog = new ServiceCatalog(config);
        queue = new QueueService(db, catalog, new Outbox(Json.newMapper()), new KioskEvents(), clock, config);
        reports = new ReportService(queue, catalog, new DrinkHistory(db)::between);
        seed();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void seed() throws Exception {
        issue("land", null, Channel.TOUCHSCREEN); // 2026-11-25: outside the period
        at("2026-11-26T02:00:00Z"); // 09:00 local
        String a001 = issue("civil-status", null, Channel.TOUCHSCREEN);
        String a002 = issue("civil-status", "elderly", Channel.ROBOT);
        String e1 = issue("land", null, Channel.COUNTER);
        at("2026-11-26T02:10:00Z");
        assertEquals(a002, next("1"), "priority first"); // A002 waited 10 min
        at("2026-11-26T02:14:00Z");
        assertEquals(a001, next("1")); // A002 served 4 min; A001 waited 14 min
        at("2026-11-26T02:20:00Z");
        queue.complete(a001); // A001 served 6 min
        at("2026-11-26T02:30:00Z");
        assertEquals(e1, next("2")); // E1 waited 30 min
        at("2026-11-26T02:31:00Z");
        queue.noShow(e1);

        at("2026-11-27T01:00:00Z"); // 08:00 local, the next business day: numbers start again (a003 is that day's A001)
        String a003 = issue("civil-status", null, Channel.TOUCHSCREEN);
        at("2026-11-27T01:00:30Z");
        String e2 = issue("land", null, Channel.TOUCHSCREEN);
        at("2026-11-27T01:05:00Z");
        assertEquals(a003, next("1")); // A003 waited 5 min (counted under civil-status, where it was issued)
        at("2026-11-27T01:06:00Z");
        queue.transfer(a003, "land");
        at("2026-11-27T01:10:00Z");
        assertEquals(a003, next("2"), "the transferred ticket keeps its arrival time");
        at("2026-11-27T01:22:00Z");
        assertEquals(e2, next("2")); // A003 served 12 min at land by counter 2; E2 waited 21.5 min
        at("2026-11-27T01:25:00Z");
        queue.complete(e2); // E2 served 3 min
        at("2026-11-27T01:30:00Z");
        issue("civil-status", null, Channel.TOUCHSCREEN); // A004, never called

        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO drink_count (day, kind, cups, ml) VALUES ('2026-11-26', 'cold', 3, 600), "
                        + "('2026-11-26', 'hot', 1, 150), ('2026-11-28', 'cold', 9, 1800)");
            }
            return null;
        });
    }

    @Test
    void theSummaryHasExactlyTheCountsAndPercentilesOfTheSeededTickets() {
        Summary s = reports.summary(ReportPeriod.parse("2026-11-26", "2026-11-27"));
        assertEquals("2026-11-26", s.from());
        // waits [10, 14, 30, 5, 21.5] -> sorted [5, 10, 14, 21.5, 30]: p50 = 3rd = 14, p90 = 5th = 30;
        // service times [4, 6, 12, 3] -> [3, 4, 6, 12]: p50 = 2nd = 4, p90 = 4th = 12; 1 no-show of 5 called
        assertEquals(new Summary.Totals(6, 4, 1, 0.2, new Summary.Minutes(14.0, 30.0), new Summary.Minutes(4.0, 12.0)),
                s.totals());
        Summary.ServiceFigures civil = s.services().get(0);
        Summary.ServiceFigures land = s.services().get(1);
        assertEquals("civil-status", civil.serviceId());
        // issued A001-A004; waits [10, 14, 5]; served A001, A002 (A003 ended in land)
        assertEquals(List.of(4L, 2L, 0L), List.of(civil.issued(), civil.served(), civil.noShow()));
        assertEquals(new Summary.Minutes(10.0, 14.0), civil.waitMinutes());
        assertEquals(new Summary.Minutes(4.0, 6.0), civil.serviceMinutes());
        // issued E1, E2; waits [30, 21.5]; served A003 and E2 [12, 3]; E1 no-show
        assertEquals(List.of(2L, 2L, 1L), List.of(land.issued(), land.served(), land.noShow()));
        assertEquals(new Summary.Minutes(21.5, 30.0), land.waitMinutes());
        assertEquals(new Summary.Minutes(3.0, 12.0), land.serviceMinutes());
        assertEquals("Hộ tịch", civil.name().vi());

        assertEquals(List.of("1", "2"), s.counters().stream().map(Summary.CounterFigures::counterId).toList());
        assertEquals(2, s.counters().get(0).served());
        assertEquals(new Summary.Minutes(4.0, 6.0), s.counters().get(0).serviceMinutes());
        assertEquals(2, s.counters().get(1).served());
        assertEquals(new Summary.Minutes(3.0, 12.0), s.counters().get(1).serviceMinutes());

        long[] hours = new long[24];
        hours[8] = 3;
        hours[9] = 3;
        assertArrayEquals(hours, s.arrivalsByHour().stream().mapToLong(Long::longValue).toArray());
        assertEquals(Map.of("touchscreen", 4L, "robot", 1L, "counter", 1L), s.channels());
        Map<String, Long> priorities = new LinkedHashMap<>(); // the configured categories in order, then regular
        priorities.put("elderly", 1L);
        priorities.put("disability", 0L);
        priorities.put("pregnancy", 0L);
        priorities.put("small-child", 0L);
        priorities.put("meritorious", 0L);
        priorities.put("regular", 5L);
        assertEquals(priorities, s.priorities());
        assertEquals(List.copyOf(priorities.keySet()), List.copyOf(s.priorities().keySet()));
        assertEquals(List.of(new Summary.DayFigures("2026-11-26", 3, 2, 1, 14.0), new Summary.DayFigures("2026-11-27", 3, 2, 0, 5.0)),
                s.days());
        assertEquals(List.of(new Summary.DrinkDay("2026-11-26", 4, 0.75)), s.drinks());
    }

    @Test
    void aDayWithoutTicketsHasZerosAndNoPercentiles() {
        Summary s = reports.summary(ReportPeriod.parse("2026-12-01", "2026-12-01"));
        assertEquals(new Summary.Totals(0, 0, 0, 0.0, new Summary.Minutes(null, null), new Summary.Minutes(null, null)),
                s.totals());
        assertEquals(0, s.services().get(0).issued());
        assertNull(s.services().get(0).waitMinutes().p50());
        assertEquals(List.of(), s.days());
    }

    @Test
    void theSpreadsheetHasOneRowPerTicketInUtf8WithAByteOrderMark() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.csv(ReportPeriod.parse("2026-11-26", "2026-11-27"), out);
        byte[] bytes = out.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertEquals("number,business_day,service_id,service,priority,channel,status,issued,called,finished,counter,"
                + "wait_minutes,service_minutes", text.lines().findFirst().orElseThrow());
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            List<Map<String, String>> all = rows.readAll();
            assertEquals(List.of("A001", "A002", "E1", "A001", "E1", "A002"), all.stream().map(r -> r.get("number")).toList());
            assertEquals("2026-11-27", all.get(3).get("business_day"));
            Map<String, String> a003 = all.get(3);
            assertEquals("land", a003.get("service_id"));
            assertEquals("Đất đai", a003.get("service"));
            assertEquals("completed", a003.get("status"));
            assertEquals("2026-11-27 08:00:00", a003.get("issued"));
            assertEquals("2026-11-27 08:05:00", a003.get("called"));
            assertEquals("2", a003.get("counter"));
            assertEquals("5.0", a003.get("wait_minutes"));
            assertEquals("12.0", a003.get("service_minutes"));
            assertEquals("elderly", all.get(1).get("priority"));
            assertEquals("no_show", all.get(2).get("status"));
            assertEquals("", all.get(5).get("called"));
        }
    }

    @Test
    void aBadPeriodSaysWhatIsWrong() {
        assertEquals("'from' must be a day as YYYY-MM-DD; got '26/11/2026'",
                org.junit.jupiter.api.Assertions.assertThrows(Problem.class, () -> ReportPeriod.parse("26/11/2026", "2026-11-27"))
                        .getMessage());
        assertEquals("'to' (2026-11-01) is before 'from' (2026-11-27)",
                org.junit.jupiter.api.Assertions.assertThrows(Problem.class, () -> ReportPeriod.parse("2026-11-27", "2026-11-01"))
                        .getMessage());
        assertEquals("'to' is required: a business day as YYYY-MM-DD",
                org.junit.jupiter.api.Assertions.assertThrows(Problem.class, () -> ReportPeriod.parse("2026-11-27", null))
                        .getMessage());
        assertEquals(400, org.junit.jupiter.api.Assertions.assertThrows(Problem.class,
                () -> ReportPeriod.parse("2025-01-01", "2026-11-27")).status());
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    private String issue(String service, String priority, Channel channel) {
        return queue.issue(IssueRequest.of(service, priority, channel)).view().id();
    }

    private String next(String counter) {
        return queue.callNext(counter, List.of()).map(TicketView::id).orElseThrow();
    }
}
