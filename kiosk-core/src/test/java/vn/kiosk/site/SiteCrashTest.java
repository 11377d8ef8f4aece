package vn.kiosk.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestPostgres;

/**
 * Two kiosk processes on one site queue, 8 clients each: every number once and none skipped, and a
 * counter at one kiosk calls a ticket of the other; then, while one kiosk is killed with SIGKILL and
 * the server is stopped like a power cut (pg_ctl stop -m immediate) and both come back: every ticket
 * a client was told about exists exactly once, no number twice, island tickets merged once with
 * their arrival times, and every refusal meanwhile a clean 503 that says why.
 */
class SiteCrashTest {

    @RegisterExtension
    static final TestPostgres pg = new TestPostgres();

    @TempDir
    Path dir;

    private record Acked(String id, String number, OffsetDateTime issuedAt) {

        /** From a 201 answer to POST /api/tickets. */
        static Acked of(JsonNode ticket) {
            return new Acked(ticket.get("id").asText(), ticket.get("number").asText(),
                    OffsetDateTime.parse(ticket.get("issuedAt").asText()));
        }
    }

    private final ConcurrentLinkedQueue<Acked> acked = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    @Test
    void twoKioskProcessesGiveEveryNumberOnceInOrderAndShareTheirCounters() throws Exception {
        Path config = alwaysOpen();
        int portA = Ports.free();
        int portB = Ports.free();
        try (KioskProcess a = start("a", portA, config, "800-899"); KioskProcess b = start("b", portB, config, "900-999")) {
            String land = "{\"serviceId\": \"land\", \"waitForPrint\": false}";
            String first = a.api().post("/api/tickets", land).body().get("id").asText();
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<java.util.concurrent.Future<List<String>>> answers = new ArrayList<>();
            try {
                for (int port : List.of(portA, portB)) {
                    for (int client = 0; client < 8; client++) {
                        answers.add(clients.submit(() -> {
                            Api api = new Api(port);
                            List<String> numbers = new ArrayList<>();
                            for (int i = 0; i < 10; i++) {
                                Api.Response r = api.post("/api/tickets", land);
                                assertEquals(201, r.status(), r.text());
                                numbers.add(r.body().get("number").asText());
                            }
                            return numbers;
                        }));
                    }
                }
                Set<String> numbers = new java.util.TreeSet<>(Set.of("E001"));
                for (var f : answers) {
                    for (String n : f.get()) {
                        assertTrue(numbers.add(n), "number given twice: " + n);
                    }
                }
                Set<String> expected = new java.util.TreeSet<>();
                for (int n = 1; n <= 161; n++) {
                    expected.add(String.format("E%03d", n));
                }
                assertEquals(expected, numbers, "every number from E001 to E161 once, none skipped");
            } finally {
                clients.shutdownNow();
            }
            Api.Response called = b.api().post("/api/counters/4/next", "{}");
            assertEquals(200, called.status(), called.text());
            assertEquals(first, called.body().get("id").asText(), "kiosk b's counter calls the oldest ticket, issued at kiosk a");
            assertEquals(200, a.api().post("/api/tickets/" + first + "/complete", "").status(),
                    "kiosk a completes the ticket kiosk b's counter called");
        }
    }

    private Path alwaysOpen() throws java.io.IOException {
        Path config = dir.resolve("kiosk.yaml");
        Files.writeString(config, "openingHours: { days: [1, 2, 3, 4, 5, 6, 7], open: \"00:00\", close: \"24:00\" }\n");
        return config;
    }

    @Test
    void everyAcknowledgedTicketSurvivesAKioskKillAndAServerCrashExactlyOnce() throws Exception {
        Path config = alwaysOpen();
        int portA = Ports.free();
        int portB = Ports.free();
        AtomicReference<KioskProcess> a = new AtomicReference<>(start("a", portA, config, "800-899"));
        KioskProcess b = start("b", portB, config, "900-999");
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < 8; i++) {
                clients.submit(() -> issueUntilStopped(new Api(portA)));
                clients.submit(() -> issueUntilStopped(new Api(portB)));
            }
            Poll.until(Duration.ofSeconds(20), "40 tickets issued", () -> acked.size() >= 40);
            a.get().kill9();
            int beforeCrash = acked.size();
            Poll.until(Duration.ofSeconds(20), "kiosk b to go on issuing", () -> acked.size() >= beforeCrash + 20);
            pg.stopImmediately();
            Poll.until(Duration.ofSeconds(20), "kiosk b to issue island tickets", () -> islandCount() >= 10);
            a.set(start("a", portA, config, "800-899")); // starts without its server: island mode
            Poll.until(Duration.ofSeconds(20), "kiosk a to issue island tickets", () ->
                    acked.stream().filter(t -> t.number().startsWith("E8")).count() >= 10);
            pg.start();
            int afterServer = acked.size();
            Poll.until(Duration.ofSeconds(20), "tickets issued on the site again", () -> acked.size() >= afterServer + 40);
            stop.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
            for (KioskProcess k : List.of(a.get(), b)) {
                awaitBackOnSite(k);
            }

            Map<String, Long> siteArrival = new HashMap<>();
            Set<String> siteNumbers = new HashSet<>();
            try (Connection c = pg.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, number, issued_at FROM ticket")) {
                while (rs.next()) {
                    assertEquals(null, siteArrival.put(rs.getString(1), rs.getLong(3)), "a ticket twice: " + rs.getString(1));
                    assertTrue(siteNumbers.add(rs.getString(2)), "a number twice: " + rs.getString(2));
                }
            }
            Set<String> ackedNumbers = new HashSet<>();
            long island = 0;
            for (Acked t : acked) {
                assertTrue(ackedNumbers.add(t.number()), "a number given twice: " + t.number());
                Long arrival = siteArrival.get(t.id());
                assertTrue(arrival != null, "acknowledged ticket " + t.number() + " is not in the site queue");
                assertEquals(t.issuedAt().toInstant().toEpochMilli(), arrival.longValue(), "arrival time of " + t.number());
                island += t.number().compareTo("E800") >= 0 ? 1 : 0;
            }
            assertTrue(island >= 20, "island tickets: " + island);
            for (String r : refused) {
                // the server away before island mode began, or an island range used up for the day
                assertTrue(r.startsWith("503 ") && (r.contains("\"site_unreachable\"") || r.contains("\"island_range_used\"")),
                        "a refusal that says why: " + r);
            }
        } finally {
            stop.set(true);
            clients.shutdownNow();
            a.get().close();
            b.close();
        }
    }

    @Test
    void aKioskKilledBetweenTheSitesCommitAndItsOwnMergesEachIslandTicketOnce() throws Exception {
        Path config = alwaysOpen();
        int port = Ports.free();
        // the kiosk halts itself (as kill -9 would) right after the site commits its first merged batch,
        // before it deletes those tickets from its own file: the one moment a merge could count a ticket twice
        KioskProcess a = start("a", port, config, "800-899", List.of("-Dkiosk.crashAt=island-merge-committed"));
        List<Acked> island = new ArrayList<>();
        try {
            pg.stopImmediately();
            Api api = a.api();
            while (island.size() < 30) {
                Api.Response r = api.post("/api/tickets", "{\"serviceId\": \"land\", \"waitForPrint\": false}");
                if (r.status() == 201) {
                    island.add(Acked.of(r.body()));
                } else {
                    assertTrue(r.status() == 503 && r.text().contains("\"site_unreachable\""), r.status() + " " + r.text());
                    pause(); // the server away, island mode not yet begun
                }
            }
            pg.start();
            assertEquals(137, a.awaitExit(Duration.ofSeconds(30)), "the kiosk halted mid-merge\n" + a.stderr());
        } finally {
            a.close();
        }
        assertEquals(30, pg.count("SELECT count(*) FROM ticket WHERE island"), "the site committed the batch");
        try (Connection local = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("a/kiosk.db"));
             Statement s = local.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM ticket WHERE island = 1")) {
            assertTrue(rs.next());
            assertEquals(30, rs.getLong(1), "the kiosk's own file still holds them: the crash came before its delete");
        }

        try (KioskProcess again = start("a", port, config, "800-899", List.of())) {
            awaitBackOnSite(again);
            assertEquals(30, pg.count("SELECT count(*) FROM ticket WHERE island"), "each island ticket once");
            try (Connection c = pg.connect(); var ps = c.prepareStatement("SELECT number, issued_at FROM ticket WHERE id = ?")) {
                for (Acked t : island) {
                    ps.setString(1, t.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next(), t.number() + " is in the site queue");
                        assertEquals(t.number(), rs.getString(1));
                        assertEquals(t.issuedAt().toInstant().toEpochMilli(), rs.getLong(2), "arrival time of " + t.number());
                    }
                }
            }
            Api.Response next = again.api().post("/api/counters/4/next", "{}");
            assertEquals(island.get(0).id(), next.body().get("id").asText(), "counters call the first island ticket first");
        }
    }

    private static void awaitBackOnSite(KioskProcess k) {
        Poll.until(Duration.ofSeconds(30), "the kiosk back on the site with nothing to merge", () -> {
            JsonNode h = k.api().get("/api/health").body();
            return h != null && h.at("/queue/mode").asText().equals("site") && h.at("/queue/pendingMerge").asLong() == 0;
        });
    }

    private long islandCount() {
        return acked.stream().filter(t -> t.number().compareTo("E800") >= 0).count();
    }

    private KioskProcess start(String name, int port, Path config, String range) {
        return start(name, port, config, range, List.of());
    }

    private KioskProcess start(String name, int port, Path config, String range, List<String> jvmOptions) {
        Map<String, String> env = Map.of("KIOSK_CONFIG", config.toString(), "KIOSK_DATA_DIR",
                dir.resolve(name).toString(), "KIOSK_DEVICE", "kiosk-" + name, "KIOSK_QUEUE_STORE", pg.url(),
                "KIOSK_ISLAND_RANGE", range);
        return KioskProcess.start(dir, port, env, jvmOptions, "run").awaitReady(Duration.ofSeconds(30));
    }

    private void issueUntilStopped(Api api) {
        while (!stop.get()) {
            try {
                Api.Response r = api.post("/api/tickets", "{\"serviceId\": \"land\", \"waitForPrint\": false}");
                if (r.status() == 201) {
                    acked.add(Acked.of(r.body()));
                } else {
                    refused.add(r.status() + " " + r.text());
                    pause();
                }
            } catch (RuntimeException e) { // the kiosk is down (killed): try again shortly
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50); // a client's back-off, not a synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
