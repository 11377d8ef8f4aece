package vn.kiosk.drinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Ports;

/**
 * kill -9 of the kiosk mid-pour: no hook runs, so the simulated valve line stays open as a real
 * relay line would (water would keep running); the next start must close it before it is ready.
 */
class DispenserKillTest {

    @TempDir
    Path dir;

    @Test
    void aValveLeftOpenByKillMinus9IsClosedByTheNextStart() throws Exception {
        Path levels = dir.resolve("valve-lines.properties");
        Path config = dir.resolve("kiosk.yaml");
        // 100 ml/min: a 200 ml pour lasts two minutes, so the kill comes mid-pour
        Files.writeString(config, """
                devices: { printer: "sim:", scanner: "sim:", dispenser: "sim:?flowMlPerMinute=100&lines=%s" }
                openingHours: { days: [1, 2, 3, 4, 5, 6, 7], open: "00:00", close: "24:00" }
                """.formatted(levels));
        Map<String, String> env = Map.of("KIOSK_CONFIG", config.toString(), "KIOSK_DATA_DIR", dir.resolve("data").toString());
        int port = Ports.free();
        try (KioskProcess kiosk = KioskProcess.start(dir, port, env, "run").awaitReady(Duration.ofSeconds(30))) {
            var pour = kiosk.api().post("/api/drinks", "{\"kind\": \"cold\", \"ml\": 200}");
            assertEquals(202, pour.status(), pour.text());
            Poll.until(Duration.ofSeconds(10), "the cold valve open", () -> active(levels, "cold-valve"));
            kiosk.kill9();
        }
        assertTrue(active(levels, "cold-valve"), "kill -9 ran no hook: the line is still open");
        try (KioskProcess again = KioskProcess.start(dir, port, env, "run").awaitReady(Duration.ofSeconds(30))) {
            assertFalse(active(levels, "cold-valve"), "closed by the time the kiosk answers");
            assertFalse(active(levels, "hot-valve"));
            var dispenser = again.api().get("/api/dispenser");
            assertTrue(dispenser.body().path("pourId").isNull(), "no pour running after the restart: " + dispenser.text());
        }
    }

    private static boolean active(Path levels, String line) {
        if (!Files.exists(levels)) {
            return false;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(levels)) {
            p.load(r);
        } catch (IOException e) {
            return false;
        }
        return "active".equals(p.getProperty(line));
    }
}
