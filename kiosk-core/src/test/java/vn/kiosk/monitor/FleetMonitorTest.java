package vn.kiosk.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import vn.kiosk.fleet.messages.DeviceStateEventData;
import vn.kiosk.fleet.messages.FleetEvent;
import vn.kiosk.fleet.messages.FleetMessages;
import vn.kiosk.fleet.messages.KioskStatus;
import vn.kiosk.fleet.messages.MaintenanceEventData;
import vn.kiosk.fleet.messages.TelemetryReport;
import vn.kiosk.fleet.view.Alert;
import vn.kiosk.fleet.view.AlertKind;
import vn.kiosk.fleet.view.KioskView;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.json.Json;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.RunningKiosk;
import vn.kiosk.testing.TestBroker;

class FleetMonitorTest {

    private static final String BASE = "kiosk/phuong-ben-thanh/kiosk-01/";

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
                issueTwoAndGoIntoMaintenance();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int code = FleetMonitor.run(Map.of("--broker", broker.url(), "--seconds", "3"),
                        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
                assertEquals(0, code);
                String table = out.toString(StandardCharsets.UTF_8);
                List<String> row = row(table, "phuong-ben-thanh/kiosk-01");
                assertEquals(List.of("yes", "PAPER_OUT", "READY", "READY", "2"), List.of(row.get(1), row.get(3), row.get(4),
                        row.get(5), row.get(6)), table);
                assertTrue(row.get(7).matches("\\d+"), "the backlog is a number: " + table);
                assertTrue(table.contains("PAPER OUT") && table.contains("maintenance"), table);
            } finally {
                kiosk.stop(); // before the broker goes
            }
        }
    }

    /**
     * The round trip of the shared records: what a real kiosk publishes is read by the monitor's
     * reader into the same records the kiosk wrote, value for value, and shown in the table.
     */
    @Test
    void readsWhatAKioskPublishesIntoTheSameRecords() throws Exception {
        try (TestBroker broker = TestBroker.start(kiosk.dir().resolve("broker"))) {
            KioskApp app = kiosk.start("mqtt: { url: \"" + broker.url() + "\", telemetrySeconds: 1 }\n").app();
            try (MqttProbe probe = MqttProbe.connect(broker.url()).subscribe(BASE + "#", 1)) {
                Poll.until(Duration.ofSeconds(10), "the kiosk online", () -> app.fleet().isConnected());
                issueTwoAndGoIntoMaintenance();
                MqttProbe.Message telemetryMessage = probe.await(Duration.ofSeconds(10), "telemetry with two waiting",
                        m -> m.topic().equals(BASE + "telemetry") && m.json().path("queue").path("waiting").asInt() == 2
                                && m.json().path("maintenance").asBoolean());
                MqttProbe.Message statusMessage = probe.await(Duration.ofSeconds(10), "online status",
                        m -> m.topic().equals(BASE + "status"));
                MqttProbe.Message eventMessage = probe.await(Duration.ofSeconds(10), "the maintenance event",
                        m -> m.topic().equals(BASE + "events") && m.json().path("type").asText().equals("kiosk.maintenance"));

                ObjectReader reader = FleetMessages.reader();
                TelemetryReport t = reader.readValue(bytes(telemetryMessage), TelemetryReport.class);
                assertEquals(2, t.queue().waiting());
                assertEquals(2L, t.queue().services().get("land"));
                assertEquals(Map.of("printer", "READY", "scanner", "READY", "dispenser", "READY"), t.devices());
                assertTrue(t.maintenance());
                assertEquals(new TelemetryReport.Tally(0, 0.0), t.drinks().cold());
                assertTrue(t.uptimeSeconds() >= 0 && t.memory().heapUsedBytes() > 0 && t.ts() != null, t.toString());
                KioskStatus status = reader.readValue(bytes(statusMessage), KioskStatus.class);
                assertTrue(status.online() && status.startedAt() != null, status.toString());
                assertEquals(t.version(), status.version());
                FleetEvent event = reader.readValue(bytes(eventMessage), FleetEvent.class);
                assertEquals(new MaintenanceEventData(true), event.data(reader, MaintenanceEventData.class));
                assertTrue(event.seq() > 0 && event.ts() != null && event.id() != null, event.toString());

                FleetMonitor monitor = new FleetMonitor();
                monitor.update(statusMessage.topic(), bytes(statusMessage));
                monitor.update(telemetryMessage.topic(), bytes(telemetryMessage));
                String table = monitor.render(Instant.now());
                List<String> row = row(table, "phuong-ben-thanh/kiosk-01");
                assertEquals(List.of("yes", "READY", "READY", "READY", "2", String.valueOf(t.outboxBacklog().events())),
                        List.of(row.get(1), row.get(3), row.get(4), row.get(5), row.get(6), row.get(7)), table);
                assertTrue(table.contains("maintenance"), table);

                app.simulated().paper().setPaperOut(true);
                MqttProbe.Message paperOut = probe.await(Duration.ofSeconds(10), "the printer.state event",
                        m -> m.topic().equals(BASE + "events") && m.json().path("type").asText().equals("printer.state")
                                && m.json().path("data").path("state").asText().equals("PAPER_OUT"));
                DeviceStateEventData change = reader.readValue(bytes(paperOut), FleetEvent.class)
                        .data(reader, DeviceStateEventData.class);
                assertEquals(new DeviceStateEventData("PAPER_OUT", "READY", false, change.detail()), change);
                monitor.update(paperOut.topic(), bytes(paperOut));
                assertEquals("PAPER_OUT", row(monitor.render(Instant.now()), "phuong-ben-thanh/kiosk-01").get(3));
            } finally {
                kiosk.stop();
            }
        }
    }

    /** Kiosks of other versions share a broker: fields one does not know are skipped, missing ones shown as unknown. */
    @Test
    void readsKiosksOfOtherVersions() throws Exception {
        ObjectMapper json = Json.newMapper();
        TelemetryReport report = new TelemetryReport(Instant.now(), "9.9.9", 60, null,
                new TelemetryReport.Memory(1, 2, null), null, new TelemetryReport.QueueSize(3, Map.of("land", 3L), null),
                Map.of("printer", "PAPER_LOW", "scanner", "READY", "dispenser", "READY"),
                new TelemetryReport.Backlog(4, 400), false, null);
        ObjectNode newer = json.valueToTree(report);
        newer.put("coffeeMachine", "READY");
        ((ObjectNode) newer.get("memory")).put("swapBytes", 0);
        ObjectNode older = json.valueToTree(report);
        older.remove("outboxBacklog");

        FleetMonitor monitor = new FleetMonitor();
        monitor.update("kiosk/site-a/newer/telemetry", json.writeValueAsBytes(newer));
        monitor.update("kiosk/site-a/older/telemetry", json.writeValueAsBytes(older));
        monitor.update("kiosk/site-a/broken/telemetry", "not json".getBytes(StandardCharsets.UTF_8));
        String table = monitor.render(Instant.now());
        assertEquals(List.of("PAPER_LOW", "READY", "READY", "3", "4"), row(table, "site-a/newer").subList(3, 8), table);
        assertEquals(List.of("PAPER_LOW", "3", "-"), List.of(row(table, "site-a/older").get(3),
                row(table, "site-a/older").get(6), row(table, "site-a/older").get(7)), table);
        assertTrue(table.lines().noneMatch(l -> l.startsWith("site-a/broken")), "not a kiosk's message: " + table);
    }

    private void issueTwoAndGoIntoMaintenance() {
        for (int i = 0; i < 2; i++) {
            assertEquals(201, kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\"}").status());
        }
        kiosk.app().maintenance().set(true);
    }

    /** The table's row for a kiosk, split into its columns. */
    private static List<String> row(String table, String key) {
        return table.lines().filter(l -> l.startsWith(key + " ")).findFirst()
                .map(l -> List.of(l.trim().split("\\s+"))).orElseThrow(() -> new AssertionError("no row " + key + ":\n" + table));
    }

    private static byte[] bytes(MqttProbe.Message m) {
        return m.text().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void alertsATechnicianActsOn() {
        Instant now = Instant.now();
        KioskView r = new KioskView();
        r.telemetry(new TelemetryReport(now, "1.0", 60, null, new TelemetryReport.Memory(1, 2, null), null,
                new TelemetryReport.QueueSize(3, Map.of(), new TelemetryReport.Store("postgresql", "island", 12)),
                Map.of("printer", "PAPER_LOW", "scanner", "OFFLINE", "dispenser", "LEVEL_LOW"),
                new TelemetryReport.Backlog(5000, 1), false, null), now);
        r.status(KioskStatus.offline(), now);
        assertEquals(List.of("OFFLINE", "paper low", "water low", "scanner offline",
                "ISLAND (site queue server away; 12 to merge)", "event backlog 5000"),
                r.alerts(now).stream().map(Alert::text).toList());
        assertEquals(List.of(AlertKind.OFFLINE, AlertKind.PAPER_LOW, AlertKind.WATER_LOW, AlertKind.SCANNER_OFFLINE,
                AlertKind.ISLAND, AlertKind.BACKLOG), r.alerts(now).stream().map(Alert::kind).toList());
        KioskView quiet = new KioskView();
        quiet.status(KioskStatus.onlineSince("1.0", now), now.minus(Duration.ofMinutes(10)));
        assertTrue(quiet.alerts(now).get(0).text().startsWith("SILENT"));
    }

    @Test
    void aMissingBrokerIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, FleetMonitor.run(Map.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--broker URL is required"));
    }
}
