package vn.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.testing.RunningKiosk;

/** The watchdog's probe: true while the kiosk answers /api/health with 200, false once it does not. */
class HealthProbeTest {

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();

    @Test
    void answersWhatTheHttpHealthCheckSays() throws Exception {
        HealthProbe probe = new HealthProbe("0.0.0.0", kiosk.start("{}").port());
        assertTrue(probe.getAsBoolean(), "a running kiosk is healthy");
        kiosk.stop();
        assertFalse(probe.getAsBoolean(), "nothing answers: no watchdog ping");
    }
}
