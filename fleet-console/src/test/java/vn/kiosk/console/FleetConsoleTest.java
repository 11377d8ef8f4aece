package vn.kiosk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestBroker;
import vn.kiosk.testing.TestPostgres;

/**
 * The fleet console against a real Mosquitto, a private PostgreSQL cluster and a real kiosk in a
 * child JVM: the kiosk appears online; a printer test sent from the console reaches it, and its
 * reply and the audit row come back; kill -9 of the kiosk makes it offline with an open alert
 * within the Will's time; the console stopped, or killed with SIGKILL, in the middle of a burst of
 * events stores each once after its restart.
 */
class FleetConsoleTest {

    private static final String TOKEN = RunningConsole.TECH;

    @RegisterExtension
    static final TestPostgres pg = new TestPostgres();
    @RegisterExtension
    final RunningConsole fleet = new RunningConsole(pg);
    @TempDir
    Path dir;

    private void startConsole() throws Exception {
        fleet.start(Map.of("--command-timeout", "3"), Clock.systemUTC());
    }

    @Test
    void aKioskAppearsTakesACommandAndGoesOfflineWithAnAlertWhenKilled() throws Exception {
        TestBroker broker = fleet.broker();
        startConsole();
        Api api = fleet.api();
        Path config = dir.resolve("kiosk.yaml");
        Files.writeString(config, "mqtt: { url: \"" + broker.url() + "\", keepAliveSeconds: 5, telemetrySeconds: 2 }\n");
        int port = Ports.free();
        try (KioskProcess kiosk = KioskProcess.start(dir.resolve("kiosk"), port, Map.of("KIOSK_CONFIG", config.toString(),
                "KIOSK_DATA_DIR", dir.resolve("kiosk/data").toString()), "run").awaitReady(Duration.ofSeconds(30))) {
            Poll.until(Duration.ofSeconds(20), "the kiosk online in the console", () -> {
                JsonNode d = device(api);
                return d != null && d.path("online").asBoolean(false) && d.path("printer").asText().equals("READY");
            });
            Api.Response test = api.post("/api/fleet/devices/phuong-ben-thanh/kiosk-01/commands/printer.test", "{}", TOKEN);
            assertEquals(200, test.status(), test.text());
            assertEquals(200, test.body().get("code").asInt(), "the kiosk's own reply: " + test.text());
            JsonNode audit = api.get("/api/fleet/audit", TOKEN).body().get(0);
            assertEquals("printer.test", audit.get("command").asText());
            assertEquals("phuong-ben-thanh", audit.get("site").asText());
            assertEquals(200, audit.get("code").asInt());
            assertEquals("tech", audit.get("actor").asText());

            long killed = System.nanoTime();
            kiosk.kill9();
            Poll.until(Duration.ofSeconds(20), "the kiosk offline with an open alert", () -> {
                JsonNode d = device(api);
                return d != null && !d.path("online").asBoolean(true) && hasOpenAlert(api, "offline");
            });
            long seconds = (System.nanoTime() - killed) / 1_000_000_000L;
            assertTrue(seconds <= 10, "offline after " + seconds + " s (the Will comes after 1.5 keep-alives: 7.5 s)");
            Api.Response none = api.post("/api/fleet/devices/phuong-ben-thanh/kiosk-01/commands/printer.test", "{}", TOKEN);
            assertEquals(504, none.status(), none.text());
            assertEquals(504, api.get("/api/fleet/audit", TOKEN).body().get(0).get("code").asInt());
        }
        assertEquals(401, api.get("/api/fleet/devices").status(), "no token, no fleet");
        String metrics = api.get("/metrics").text();
        assertTrue(metrics.contains("fleet_alerts_open{kind=\"offline\"} 1"), metrics);
    }

    @Test
    void theConsoleRestartedDuringABurstStoresEachEventOnce() throws Exception {
        TestBroker broker = fleet.broker();
        startConsole(); // subscribes with its persistent session
        String topic = "kiosk/site-a/kiosk-7/events";
        try (MqttProbe kiosk = MqttProbe.connect(broker.url())) {
            for (int seq = 1; seq <= 300; seq++) {
                kiosk.publish(topic, event(seq));
                if (seq == 100) {
                    fleet.stop(); // events 101.. wait at the broker for the console's session
                }
                if (seq == 200) {
                    startConsole();
                }
            }
            for (int seq = 150; seq <= 250; seq++) {
                kiosk.publish(topic, event(seq)); // the kiosk's replay of what it did not hear acknowledged
            }
            Poll.until(Duration.ofSeconds(30), "300 events stored", () -> pg.count("SELECT count(*) FROM event") == 300);
        }
        assertEquals(300, pg.count("SELECT count(DISTINCT seq) FROM event WHERE site = 'site-a' AND device = 'kiosk-7'"));
        assertEquals(300, pg.count("SELECT max(seq) FROM event"));
    }

    @Test
    void theConsoleKilledMidBurstStoresEachEventOnce() throws Exception {
        // a broker that keeps every message for the console's session while it is down (Mosquitto keeps 1,000 by default)
        try (TestBroker broker = TestBroker.quiet(dir.resolve("broker"))) {
            int port = Ports.free();
            Process console = startConsoleProcess(broker, port);
            String topic = "kiosk/site-b/kiosk-9/events";
            AtomicInteger published = new AtomicInteger();
            CountDownLatch locked = new CountDownLatch(1);
            Thread kiosk = new Thread(() -> {
                try (MqttProbe p = MqttProbe.connect(broker.url())) {
                    for (int seq = 1; seq <= 1500; seq++) {
                        if (seq == 501) {
                            locked.await(); // the rest of the burst comes while the console cannot store it
                        }
                        p.publish(topic, event(seq));
                        published.set(seq);
                    }
                    for (int seq = 1000; seq <= 1200; seq++) {
                        p.publish(topic, event(seq)); // the kiosk's replay of what it did not hear acknowledged
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "test-kiosk");
            kiosk.setDaemon(true); // a failed test leaves it waiting at the latch
            try {
                kiosk.start();
                Poll.until(Duration.ofSeconds(60), "the console storing the burst", () -> stored("site-b") >= 300);
                long atKill;
                // the database slow at the moment of the crash: events arrive and cannot be stored
                try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                    c.setAutoCommit(false);
                    s.execute("LOCK TABLE event IN SHARE ROW EXCLUSIVE MODE");
                    locked.countDown();
                    Poll.until(Duration.ofSeconds(60), "200 more events sent", () -> published.get() >= 700);
                    console.destroyForcibly(); // SIGKILL: no disconnect; what it held unstored dies with it
                    assertTrue(console.waitFor(10, TimeUnit.SECONDS));
                    c.rollback();
                    atKill = stored("site-b");
                }
                assertTrue(atKill < 1500, "killed mid-burst: " + atKill + " stored");
                console = startConsoleProcess(broker, port);
                kiosk.join(120_000);
                Poll.until(Duration.ofSeconds(60), "1,500 events stored", () -> stored("site-b") >= 1500);
            } finally {
                console.destroyForcibly();
                console.waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertEquals(1500, stored("site-b"), "each event once");
        assertEquals(1500, pg.count("SELECT count(DISTINCT seq) FROM event WHERE site = 'site-b'"));
        assertEquals(1500, pg.count("SELECT max(seq) FROM event WHERE site = 'site-b'"));
    }

    private static long stored(String site) {
        return pg.count("SELECT count(*) FROM event WHERE site = '" + site + "'");
    }

    /** The console in its own JVM, so that it can be killed. */
    private Process startConsoleProcess(TestBroker broker, int port) throws Exception {
        return ConsoleProcess.startReady(dir.resolve("console-" + System.nanoTime() + ".out"), broker.url(), pg.url(), port,
                TOKEN, "-Xmx256m");
    }

    private static String event(int seq) {
        return "{\"id\": \"e-" + seq + "\", \"seq\": " + seq + ", \"type\": \"ticket.issued\", \"ts\": \"2026-12-01T02:00:00Z\", "
                + "\"data\": {\"ticketId\": \"t-" + seq + "\", \"number\": \"A" + seq + "\"}}";
    }

    private static JsonNode device(Api api) {
        JsonNode all = api.get("/api/fleet/devices", TOKEN).body();
        for (JsonNode d : all) {
            if (d.get("site").asText().equals("phuong-ben-thanh") && d.get("device").asText().equals("kiosk-01")) {
                return d;
            }
        }
        return null;
    }

    private static boolean hasOpenAlert(Api api, String kind) {
        for (JsonNode a : api.get("/api/fleet/alerts?state=open", TOKEN).body()) {
            if (a.get("kind").asText().equals(kind) && a.get("device").asText().equals("kiosk-01")) {
                return true;
            }
        }
        return false;
    }

}
