package vn.kiosk.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.app.KioskApp;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.RunningKiosk;
import vn.kiosk.testing.TestBroker;

class FleetMonitorTest {

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();

    @Test
    void showsEachKioskWithItsDevicesAndAlerts() throws Exception {
        try (TestBroker broker = TestBroker.start(kiosk.dir().resolve("broker"))) {
            KioskApp app = kiosk.start("mqtt: { url: \"" + broker.url() + "\", telemetrySeconds: 1 }\n").app();
            try {
                Poll.until(Duration.ofSeconds(10), "the kiosk online", () -> app.fleet().isConnected());
                app.simulated().paper().setPaperOut(true);
                Poll.until(Duration.ofSeconds(5), "paper out noticed",
                        () -> "PAPER_OUT".equals(app.deviceWatch().statuses().get("printer").state()));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int code = FleetMonitor.run(Map.of("--broker", broker.url(), "--seconds", "3"),
                        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
                assertEquals(0, code);
                String table = out.toString(StandardCharsets.UTF_8);
                assertTrue(table.contains("phuong-ben-thanh/kiosk-01"), table);
                assertTrue(table.contains(" yes "), table);
                assertTrue(table.contains("PAPER OUT"), table);
            } finally {
                kiosk.stop(); // before the broker goes
            }
        }
    }

    @Test
    void alertsATechnicianActsOn() {
        FleetMonitor.Row r = new FleetMonitor.Row();
        r.online = false;
        r.printer = "PAPER_LOW";
        r.dispenser = "LEVEL_LOW";
        r.scanner = "OFFLINE";
        r.backlog = 5000;
        assertEquals(List.of("OFFLINE", "paper low", "water low", "scanner offline", "event backlog 5000"),
                FleetMonitor.alerts(r, Instant.now()));
        FleetMonitor.Row quiet = new FleetMonitor.Row();
        quiet.online = true;
        quiet.lastSeen = Instant.now().minus(Duration.ofMinutes(10));
        assertTrue(FleetMonitor.alerts(quiet, Instant.now()).get(0).startsWith("SILENT"));
    }

    @Test
    void aMissingBrokerIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, FleetMonitor.run(Map.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--broker URL is required"));
    }
}
