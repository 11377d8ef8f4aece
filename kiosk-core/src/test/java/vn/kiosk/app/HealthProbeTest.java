package vn.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestConfigs;

/** The watchdog's probe: true while the kiosk answers /api/health with 200, false once it does not. */
class HealthProbeTest {

    @TempDir
    Path dir;

    @Test
    void answersWhatTheHttpHealthCheckSays() throws Exception {
        int port = Ports.free();
        KioskApp app = new KioskApp(TestConfigs.load(dir, "{}", Map.of("KIOSK_HTTP_PORT", String.valueOf(port))),
                Clock.systemUTC()).start();
        HealthProbe probe = new HealthProbe("0.0.0.0", port);
        try {
            assertTrue(probe.getAsBoolean(), "a running kiosk is healthy");
        } finally {
            app.close();
        }
        assertFalse(probe.getAsBoolean(), "nothing answers: no watchdog ping");
    }
}
