package vn.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.health.SelfTest;
import vn.kiosk.testing.MutableClock;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestConfigs;

/** kiosk selftest: a table, exit 0 when all is well, 1 with a clear line when a device is broken. */
class SelfTestCommandTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) { }

    private Result selftest(Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(Map.of("KIOSK_DATA_DIR", dir.resolve("data").toString()));
        env.putAll(extraEnv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"selftest"}, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSimulatedKioskPassesEveryCheck() {
        Result r = selftest(Map.of());
        assertEquals(0, r.code(), r.out() + r.err());
        for (String check : new String[] {"configuration", "database", "disk", "clock", "printer", "scanner", "dispenser"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.matches(check + " +PASS .*")), check + " should pass:\n" + r.out());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.matches("broker +SKIP +none configured.*")), r.out());
        assertTrue(r.out().contains("all checks passed"), r.out());
    }

    /** The file on disk is checked as it is now: broken since the start, the next start would fail. */
    @Test
    void aConfigurationFileBrokenSinceTheStartFailsTheCheck() throws Exception {
        int port = Ports.free();
        Path file = dir.resolve("site.yaml");
        java.nio.file.Files.writeString(file, "site: { id: \"ward-7\" }\n");
        Map<String, String> env = Map.of("KIOSK_HTTP_PORT", String.valueOf(port), "KIOSK_DATA_DIR", dir.resolve("data").toString());
        try (KioskApp app = new KioskApp(new vn.kiosk.config.ConfigLoader().load(file, env), Clock.systemUTC())
                .configSource(file, env).start()) {
            var before = app.selfTest().checks().stream().filter(c -> c.name().equals("configuration")).findFirst().orElseThrow();
            assertEquals(SelfTest.Result.PASS, before.result(), before.detail());
            assertTrue(before.detail().contains(file.toString()), before.detail());

            java.nio.file.Files.writeString(file, "site: { id: \"ward-7\" }\nhttp: { prot: 80 }\n");
            var after = app.selfTest().checks().stream().filter(c -> c.name().equals("configuration")).findFirst().orElseThrow();
            assertEquals(SelfTest.Result.FAIL, after.result(), after.detail());
            assertTrue(after.detail().contains("http.prot: unknown key"), after.detail());
            assertTrue(!app.selfTest().ok());
        }
    }

    @Test
    void aPrinterThatIsNotThereFailsWithAClearLine() {
        Result r = selftest(Map.of("KIOSK_PRINTER_URL", "serial:" + dir.resolve("ttyUSB9"),
                "KIOSK_MQTT_URL", "tcp://127.0.0.1:" + Ports.free()));
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("printer +FAIL +OFFLINE: .*ttyUSB9 does not exist: unplugged\\?\\)")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("broker +FAIL +cannot reach tcp://127\\.0\\.0\\.1:\\d+: .*")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("scanner +PASS .*")), "the rest still checked:\n" + r.out());
        assertTrue(r.out().contains("SOME CHECKS FAILED"), r.out());
    }

    @Test
    void whileTheKioskRunsItsOwnReportIsShown() throws Exception {
        int port = Ports.free();
        try (KioskApp app = new KioskApp(TestConfigs.load(dir, "{}", Map.of("KIOSK_HTTP_PORT", String.valueOf(port))),
                Clock.systemUTC()).start()) {
            Result r = selftest(Map.of("KIOSK_HTTP_PORT", String.valueOf(port)));
            assertEquals(0, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("the kiosk is running"), r.out());
            assertTrue(r.out().lines().anyMatch(l -> l.matches("printer +PASS +READY.*")), r.out());
            assertEquals(app.selfTest().checks().size(), r.out().lines().filter(l -> l.matches("\\w+ +(PASS|FAIL|SKIP) .*")).count());
        }
    }

    @Test
    void aClockThatWasNeverSetOrWentBackFails() throws Exception {
        int port = Ports.free();
        var config = TestConfigs.load(dir, "{}", Map.of("KIOSK_HTTP_PORT", String.valueOf(port)));
        MutableClock clock = new MutableClock(java.time.Instant.parse("1970-01-01T00:02:00Z"));
        try (KioskApp app = new KioskApp(config, clock).start()) {
            var check = app.selfTest().checks().stream().filter(c -> c.name().equals("clock")).findFirst().orElseThrow();
            assertEquals(SelfTest.Result.FAIL, check.result());
            assertTrue(check.detail().contains("the clock was never set"), check.detail());
        }
        clock.set(java.time.Instant.now());
        try (KioskApp app = new KioskApp(config, clock).start()) {
            new vn.kiosk.testing.Api(port).post("/api/tickets", "{\"serviceId\": \"land\"}");
            assertEquals(SelfTest.Result.PASS, app.selfTest().checks().stream().filter(c -> c.name().equals("clock")).findFirst()
                    .orElseThrow().result());
        }
        clock.set(java.time.Instant.now().minus(java.time.Duration.ofHours(2)));
        try (KioskApp app = new KioskApp(config, clock).start()) {
            var check = app.selfTest().checks().stream().filter(c -> c.name().equals("clock")).findFirst().orElseThrow();
            assertEquals(SelfTest.Result.FAIL, check.result());
            assertTrue(check.detail().contains("behind the last recorded event"), check.detail());
        }
    }
}
