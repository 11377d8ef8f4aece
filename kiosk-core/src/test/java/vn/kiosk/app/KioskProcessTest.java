package vn.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Ports;

/** The real application in its own JVM: crashes, signals, a second instance, a bad configuration. */
class KioskProcessTest {

    private static final Duration START = Duration.ofSeconds(30);
    private static final String[] SERVICES = {"civil-status", "land", "certification", "online-help"};

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("KIOSK_DATA_DIR", dir.resolve("data").toString());
    }

    @Test
    void killMinus9MidBurstLosesNoAcknowledgedTicketAndRepeatsNoNumber() throws Exception {
        int port = Ports.free();
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // id -> number
        AtomicInteger failures = new AtomicInteger();
        try (KioskProcess kiosk = KioskProcess.start(dir, port, env(), "run").awaitReady(START)) {
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                int client = t;
                clients.submit(() -> {
                    Api api = kiosk.api();
                    for (int i = 0; !stop.get(); i++) {
                        String service = SERVICES[(client + i) % SERVICES.length];
                        try {
                            Api.Response r = api.post("/api/tickets", "{\"serviceId\": \"" + service + "\", \"channel\": \"robot\"}");
                            if (r.status() == 201) {
                                acknowledged.put(r.body().get("id").asText(), r.body().get("number").asText());
                            }
                        } catch (RuntimeException e) {
                            failures.incrementAndGet(); // the kiosk died under us: expected after the kill
                        }
                    }
                });
            }
            Poll.until(Duration.ofSeconds(60), "300 acknowledged tickets", () -> acknowledged.size() >= 300);
            kiosk.kill9(); // mid-burst: eight clients are still sending
            stop.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        }
        Map<String, String> before = new HashMap<>(acknowledged);
        assertTrue(before.size() >= 300);
        assertEquals(before.size(), new HashSet<>(before.values()).size(), "no number was acknowledged twice");

        try (KioskProcess again = KioskProcess.start(dir, port, env(), "run").awaitReady(START)) {
            Api api = again.api();
            for (var e : before.entrySet()) {
                Api.Response r = api.get("/api/tickets/" + e.getKey());
                assertEquals(200, r.status(), "acknowledged ticket " + e.getValue() + " lost: " + r.text());
                assertEquals(e.getValue(), r.body().get("number").asText());
            }
            Set<String> after = new HashSet<>();
            for (int i = 0; i < 40; i++) {
                after.add(api.post("/api/tickets", "{\"serviceId\": \"" + SERVICES[i % SERVICES.length] + "\", \"channel\": \"counter\"}")
                        .body().get("number").asText());
            }
            Set<String> repeated = new HashSet<>(after);
            repeated.retainAll(before.values());
            assertTrue(repeated.isEmpty(), "numbers handed out again after the crash: " + repeated);
            assertEquals(0, again.terminate(Duration.ofSeconds(10)) % 143);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/kiosk.db"));
             Statement s = c.createStatement()) {
            ResultSet ok = s.executeQuery("PRAGMA integrity_check");
            ok.next();
            assertEquals("ok", ok.getString(1));
            ResultSet dup = s.executeQuery("SELECT count(*) FROM (SELECT number FROM ticket GROUP BY business_day, number HAVING count(*) > 1)");
            dup.next();
            assertEquals(0, dup.getInt(1));
            ResultSet events = s.executeQuery("SELECT (SELECT count(*) FROM ticket), (SELECT count(*) FROM outbox WHERE type = 'ticket.issued')");
            events.next();
            assertEquals(events.getInt(1), events.getInt(2), "every ticket has its ticket.issued event, and no event lacks its ticket");
        }
    }

    @Test
    void demoPrintsTheTouchscreenUrlAndSigtermStopsItWithinFiveSeconds() {
        int port = Ports.free();
        KioskProcess kiosk = KioskProcess.start(dir, port, env(), "demo").awaitReady(START);
        Poll.until(Duration.ofSeconds(5), "the touchscreen URL on stdout",
                () -> kiosk.stdout().contains("Touchscreen UI: http://127.0.0.1:" + port + "/"));
        String id = kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\", \"channel\": \"robot\"}").body().get("id").asText();
        vn.kiosk.testing.EventStream touchscreen = new vn.kiosk.testing.EventStream(port); // stays open, like Chromium's
        long t0 = System.nanoTime();
        int code = kiosk.terminate(Duration.ofSeconds(10));
        touchscreen.close();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(code == 0 || code == 143, "exit code " + code + "\n" + kiosk.stderr());
        assertTrue(millis <= 5_000, "took " + millis + " ms");
        try (KioskProcess again = KioskProcess.start(dir, port, env(), "run").awaitReady(START)) {
            assertEquals(200, again.api().get("/api/tickets/" + id).status());
        }
    }

    @Test
    void aSecondProcessOnTheSameDataDirectoryRefusesToStart() {
        try (KioskProcess first = KioskProcess.start(dir, Ports.free(), env(), "run").awaitReady(START)) {
            KioskProcess second = KioskProcess.start(dir, Ports.free(), env(), "run");
            assertEquals(Main.EXIT_LOCKED, second.awaitExit(START));
            String err = second.stderr();
            assertTrue(err.contains("another kiosk process (pid " + first.process().pid() + ") is already using the data directory"),
                    err);
            assertEquals(200, first.api().get("/api/health").status(), "the first one keeps running");
        }
    }

    @Test
    void anInvalidConfigurationStopsBeforeOpeningAnything() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, """
                http:
                  prot: 8080
                services: []
                """);
        Map<String, String> env = new HashMap<>(env());
        env.put("KIOSK_PRINTER_URL", "lpt1");
        KioskProcess kiosk = KioskProcess.start(dir, Ports.free(), env, "run", "--config", config.toString());
        assertEquals(Main.EXIT_CONFIG, kiosk.awaitExit(START));
        List<String> lines = new ArrayList<>(kiosk.stderr().lines().toList());
        assertTrue(lines.get(0).contains("the configuration is invalid (3 problems)"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains(config + " line 2: http.prot: unknown key")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains(config + " line 3: services: value []: expected at least one service")),
                String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("environment variable KIOSK_PRINTER_URL: devices.printer: value \"lpt1\"")),
                String.join("\n", lines));
        assertFalse(Files.exists(dir.resolve("data")), "nothing was opened or created");
    }
}
