package vn.kiosk.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.EventStream;
import vn.kiosk.testing.RunningKiosk;
import vn.kiosk.testing.TestPostgres;

/**
 * Two kiosks of a centre on one site queue (a private PostgreSQL cluster), in this JVM; the same
 * with two kiosk processes, under load and through crashes: {@link SiteCrashTest}.
 */
class SiteQueueTest {

    @RegisterExtension
    static final TestPostgres pg = new TestPostgres();
    @RegisterExtension
    final RunningKiosk one = new RunningKiosk();
    @RegisterExtension
    final RunningKiosk two = new RunningKiosk();

    private static final String LAND = "{\"serviceId\": \"land\", \"waitForPrint\": false}";

    private Map<String, String> site(String device, String islandRange) {
        return Map.of("KIOSK_DEVICE", device, "KIOSK_QUEUE_STORE", pg.url(), "KIOSK_ISLAND_RANGE", islandRange);
    }

    private void startBoth() throws Exception {
        one.start("{}", site("kiosk-1", "800-899"));
        two.start("{}", site("kiosk-2", "900-999"));
    }

    @Test
    void aTicketIssuedAtOneKioskReachesTheOthersScreensWithinASecond() throws Exception {
        startBoth();
        try (EventStream screens = new EventStream(two.port())) {
            long sent = System.nanoTime();
            String number = one.api().post("/api/tickets", LAND).body().get("number").asText();
            screens.await("kiosk 2's live stream to tell of " + number, e -> number.equals(e.path("number").asText()));
            int i = 0;
            while (!number.equals(screens.events().get(i).path("number").asText())) {
                i++;
            }
            long millis = (screens.arrival(i) - sent) / 1_000_000;
            assertTrue(millis < 1000, "arrived after " + millis + " ms");
        }
        JsonNode queue = two.api().get("/api/queue").body();
        assertEquals(1, queue.get("waitingTotal").asLong(), queue.toString());
        assertEquals("site", queue.at("/store/mode").asText(), queue.toString());
    }

    @Test
    void withoutItsServerAKioskIssuesFromItsIslandRangeAndMergesInArrivalOrderOnceItIsBack() throws Exception {
        startBoth();
        String siteTicket = one.api().post("/api/tickets", LAND).body().get("id").asText();
        assertEquals(200, two.api().post("/api/counters/4/next", "{}").status());
        String waiting = one.api().post("/api/tickets", LAND).body().get("id").asText(); // E002, waits

        pg.stopImmediately();
        Api.Response island1 = one.api().post("/api/tickets", LAND);
        assertEquals(201, island1.status(), island1.text());
        assertEquals("E800", island1.body().get("number").asText());
        Api.Response island2 = two.api().post("/api/tickets", LAND);
        assertEquals("E900", island2.body().get("number").asText(), island2.text());
        assertEquals("E801", one.api().post("/api/tickets", LAND).body().get("number").asText());

        JsonNode health = one.api().get("/api/health").body();
        assertEquals("island", health.at("/queue/mode").asText(), health.toString());
        assertEquals(2, health.at("/queue/pendingMerge").asLong(), health.toString());
        assertEquals("DEGRADED", health.get("status").asText(), health.toString());
        JsonNode counter = one.api().get("/api/counters/4").body();
        assertEquals("island", counter.get("queueMode").asText(), counter.toString());
        assertEquals(2, counter.get("waitingTotal").asLong(), "only the island tickets: " + counter);
        Api.Response away = one.api().post("/api/tickets/" + siteTicket + "/complete", "");
        assertEquals(503, away.status(), away.text());
        assertEquals("site_unreachable", away.body().at("/error/code").asText(), away.text());

        pg.start();
        for (RunningKiosk k : List.of(one, two)) {
            Poll.until(Duration.ofSeconds(20), "kiosk back on the site with nothing left to merge", () -> {
                JsonNode h = k.api().get("/api/health").body();
                return h.at("/queue/mode").asText().equals("site") && h.at("/queue/pendingMerge").asLong() == 0;
            });
        }
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Api.Response r = two.api().post("/api/counters/4/next", "{}");
            assertEquals(200, r.status(), r.text());
            order.add(r.body().get("number").asText());
        }
        assertEquals(List.of("E002", "E800", "E900", "E801"), order, "called in arrival order");
        assertEquals(waiting, idOf("E002"));
        assertEquals(5, pg.count("SELECT count(*) FROM ticket"), "each ticket once");
        assertEquals(3, pg.count("SELECT count(*) FROM ticket WHERE island"));
    }

    @Test
    void aReportOnEitherKioskCoversTheWholeSite() throws Exception {
        String dispenser = "devices: { dispenser: \"sim:?flowMlPerMinute=6000\" }";
        one.start(dispenser, site("kiosk-1", "800-899"));
        two.start(dispenser, site("kiosk-2", "900-999"));
        one.api().post("/api/tickets", LAND);
        two.api().post("/api/tickets", LAND);
        two.api().post("/api/tickets", "{\"serviceId\": \"civil-status\", \"waitForPrint\": false}");
        // water poured at both kiosks: each counts its own, the report adds the other's
        pour(one, 150);
        pour(two, 100);
        pour(two, 100);
        String day = one.api().get("/api/queue").body().get("businessDay").asText();
        for (RunningKiosk k : List.of(one, two)) {
            JsonNode[] report = new JsonNode[1];
            Poll.until(Duration.ofSeconds(10), "the site's three cups in the report of " + k.port(), () -> {
                report[0] = k.api().get("/api/reports/summary?from=" + day + "&to=" + day).body();
                return report[0].at("/drinks/0/cups").asInt() == 3;
            });
            assertEquals(3, report[0].at("/totals/issued").asLong(), report[0].toString());
            assertEquals(0.35, report[0].at("/drinks/0/litres").asDouble(), 0.03, report[0].toString());
        }
        pg.stopImmediately();
        try {
            Api.Response away = one.api().get("/api/reports/summary?from=" + day + "&to=" + day);
            assertEquals(503, away.status(), away.text());
            assertEquals("site_unreachable", away.body().at("/error/code").asText());
        } finally {
            pg.start();
        }
    }

    private static void pour(RunningKiosk k, int ml) {
        Api.Response r = k.api().post("/api/drinks", "{\"kind\": \"cold\", \"ml\": " + ml + "}");
        assertEquals(202, r.status(), r.text());
        String id = r.body().get("id").asText();
        Poll.until(Duration.ofSeconds(10), "pour " + id + " done", () ->
                "DONE".equals(k.api().get("/api/drinks/" + id).body().path("state").asText()));
    }

    @Test
    void theSitesNumbersSkipEveryKiosksIslandRange() throws Exception {
        one.start("{}", site("kiosk-1", "3-5"));
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            numbers.add(one.api().post("/api/tickets", LAND).body().get("number").asText());
        }
        assertEquals(List.of("E001", "E002", "E006", "E007"), numbers);
    }

    @Test
    void anIslandRangeThatOverlapsAnotherKiosksIsRefused() throws Exception {
        one.start("{}", site("kiosk-1", "800-899"));
        two.start("{}", site("kiosk-2", "850-949"));
        JsonNode health = two.api().get("/api/health").body();
        assertTrue(health.at("/queue/problem").asText().contains("overlaps 800-899 of kiosk kiosk-1"), health.toString());
        pg.stopImmediately();
        try {
            Api.Response r = two.api().post("/api/tickets", LAND);
            assertEquals(503, r.status(), r.text());
            assertEquals("island_range_clash", r.body().at("/error/code").asText(), r.text());
        } finally {
            pg.start();
        }
    }

    @Test
    void everyEventOfASiteChangeReachesTheOutboxOfTheKioskThatMadeItInOrder() throws Exception {
        startBoth();
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            issued.add(one.api().post("/api/tickets", LAND).body().get("id").asText());
        }
        String called = two.api().post("/api/counters/4/next", "{}").body().get("id").asText();
        assertEquals(issued.get(0), called);
        Poll.until(Duration.ofSeconds(10), "the site's event table to be emptied", () ->
                pg.count("SELECT count(*) FROM site_event") == 0);
        List<String> oneEvents = outbox(one, "ticket.issued");
        assertEquals(issued, oneEvents, "kiosk 1's outbox has its five issues, in order");
        assertEquals(List.of(called), outbox(two, "ticket.called"));
        assertEquals(List.of(), outbox(two, "ticket.issued"));
    }

    @Test
    void aMergeCutShortByACrashStillMergesEachTicketOnce() throws Exception {
        one.start("{}", site("kiosk-1", "800-899"));
        pg.stopImmediately();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(one.api().post("/api/tickets", LAND).body().get("id").asText());
        }
        one.stop();
        pg.start();
        // as if the kiosk had stopped after the site committed the first ticket of its merge, before deleting it here
        try (Connection local = DriverManager.getConnection("jdbc:sqlite:" + one.dir().resolve("data/kiosk.db"));
             var read = local.prepareStatement("SELECT id, business_day, number, issued_at FROM ticket WHERE id = ?");
             Connection site = pg.connect();
             var write = site.prepareStatement("INSERT INTO ticket (id, business_day, number, service_id, issued_service_id, "
                     + "channel, status, issued_at, device_id, island) VALUES (?, ?, ?, 'land', 'land', 'touchscreen', "
                     + "'issued', ?, 'kiosk-1', true)")) {
            read.setString(1, ids.get(0));
            try (ResultSet rs = read.executeQuery()) {
                assertTrue(rs.next());
                write.setString(1, rs.getString(1));
                write.setString(2, rs.getString(2));
                write.setString(3, rs.getString(3));
                write.setLong(4, rs.getLong(4));
                write.executeUpdate();
            }
        }
        one.start("{}", site("kiosk-1", "800-899"));
        Poll.until(Duration.ofSeconds(20), "the kiosk back on the site with nothing left to merge", () -> {
            JsonNode h = one.api().get("/api/health").body();
            return h.at("/queue/mode").asText().equals("site") && h.at("/queue/pendingMerge").asLong() == 0;
        });
        assertEquals(3, pg.count("SELECT count(*) FROM ticket"));
        for (String id : ids) {
            assertEquals(1, pg.count("SELECT count(*) FROM ticket WHERE id = '" + id + "'"), id);
        }
    }

    /** The ticket ids of the events of {@code type} in a kiosk's own outbox, in seq order. */
    private static List<String> outbox(RunningKiosk k, String type) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + k.dir().resolve("data/kiosk.db"));
             var ps = c.prepareStatement("SELECT data FROM outbox WHERE type = ? ORDER BY seq")) {
            ps.setString(1, type);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                var json = new com.fasterxml.jackson.databind.ObjectMapper();
                while (rs.next()) {
                    ids.add(json.readTree(rs.getString(1)).get("ticketId").asText());
                }
            }
            return Collections.unmodifiableList(ids);
        }
    }

    private static String idOf(String number) throws Exception {
        try (Connection c = pg.connect(); var ps = c.prepareStatement("SELECT id FROM ticket WHERE number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
