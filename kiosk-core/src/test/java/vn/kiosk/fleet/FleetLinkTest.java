package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.app.KioskApp;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.RunningKiosk;
import vn.kiosk.testing.TestBroker;
import vn.kiosk.hw.testing.Poll;

/** The fleet link against a private Mosquitto: status, telemetry, events, commands by role. */
class FleetLinkTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BASE = "kiosk/phuong-ben-thanh/kiosk-01/";

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private TestBroker broker;
    private KioskApp app;
    private MqttProbe probe;
    private Api api;

    private void start() throws Exception {
        broker = TestBroker.start(kiosk.dir().resolve("broker"));
        app = kiosk.start("""
                mqtt: { url: "%s", reconnectMinMillis: 20, reconnectMaxMillis: 300, telemetrySeconds: 1 }
                """.formatted(broker.url())).app();
        api = kiosk.api();
        probe = MqttProbe.connect(broker.url()).subscribe("kiosk/#", 1);
    }

    @AfterEach
    void stop() {
        if (probe != null) {
            probe.close();
        }
        kiosk.stop(); // before the broker, as a kiosk on site never sees its broker vanish first
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void retainedOnlineStatusTelemetryAndOfflineOnCleanStop() throws Exception {
        start();
        MqttProbe.Message status = probe.await(WAIT, "online status", m -> m.topic().equals(BASE + "status")
                && m.json().path("online").asBoolean());
        assertTrue(status.json().has("version") && status.json().has("startedAt"), status.text());

        try (MqttProbe late = MqttProbe.connect(broker.url()).subscribe(BASE + "status", 1)) {
            MqttProbe.Message retained = late.await(WAIT, "the retained status", m -> true);
            assertTrue(retained.retained(), "status is retained");
            assertTrue(retained.json().path("online").asBoolean());
        }

        JsonNode telemetry = probe.await(WAIT, "telemetry", m -> m.topic().equals(BASE + "telemetry")).json();
        for (String field : new String[] {"uptimeSeconds", "memory", "diskFreeBytes", "queue", "devices", "outboxBacklog"}) {
            assertTrue(telemetry.has(field), field + " missing: " + telemetry);
        }
        assertEquals("READY", telemetry.path("devices").path("printer").asText());

        kiosk.stop();
        probe.await(WAIT, "offline status on a clean stop", m -> m.topic().equals(BASE + "status")
                && !m.json().path("online").asBoolean(true));
    }

    /** What the events may not carry (personal data) is CitizenDataLeakTest's. */
    @Test
    void everyStateChangeGoesOutAsAnEventInSeqOrder() throws Exception {
        start();
        for (int i = 0; i < 5; i++) {
            assertEquals(201, api.post("/api/tickets", "{\"serviceId\": \"land\"}").status());
        }
        probe.await(WAIT, "five ticket.issued events", m -> probe.received().stream()
                .filter(x -> x.topic().equals(BASE + "events") && x.json().path("type").asText().equals("ticket.issued")).count() == 5);
        long last = -1;
        for (MqttProbe.Message m : probe.received()) {
            if (m.topic().equals(BASE + "events")) {
                JsonNode e = m.json();
                for (String field : new String[] {"id", "seq", "type", "ts", "data"}) {
                    assertTrue(e.has(field), field + " missing: " + e);
                }
                assertTrue(e.get("seq").asLong() > last, "seq order: " + e);
                last = e.get("seq").asLong();
            }
        }
        Poll.until(WAIT, "the fleet link connected", () -> app.fleet().isConnected());
    }

    @Test
    void robotsCountersAndTechniciansMayRunOnlyTheirOwnCommands() throws Exception {
        start();
        probe.await(WAIT, "online", m -> m.topic().equals(BASE + "status"));
        probe.publish(BASE + "cmd/robot/ticket.issue", "{\"id\": \"r-1\", \"args\": {\"serviceId\": \"land\", \"priority\": \"elderly\"}}");
        JsonNode issued = reply("robot", "r-1");
        assertEquals("ok", issued.get("status").asText());
        assertEquals(200, issued.get("code").asInt());
        assertEquals("E001", issued.path("data").path("number").asText());
        assertEquals("robot", issued.path("data").path("channel").asText());

        probe.publish(BASE + "cmd/robot/device.status", "{\"id\": \"r-2\"}");
        assertEquals(403, reply("robot", "r-2").get("code").asInt());
        // a name no role has is not subscribed to: the broker never delivers it (deliberate silence)
        probe.publish(BASE + "cmd/robot/self.destruct", "{\"id\": \"r-3\"}");

        probe.publish(BASE + "cmd/robot/services.list", "{\"id\": \"r-4\"}");
        JsonNode services = reply("robot", "r-4").path("data").path("services");
        assertTrue(probe.received().stream().noneMatch(m -> m.topic().endsWith("reply/robot/r-3")),
                "commands are answered in order: r-3 would have been answered before r-4");
        assertTrue(services.get(0).has("documents") && services.get(0).has("counters"));

        probe.publish(BASE + "cmd/counter/counter.next", "{\"id\": \"c-1\", \"args\": {\"counterId\": \"4\"}}");
        JsonNode next = reply("counter", "c-1");
        assertEquals("E001", next.path("data").path("ticket").path("number").asText());
        String ticketId = next.path("data").path("ticket").path("id").asText();
        probe.publish(BASE + "cmd/counter/ticket.complete", "{\"id\": \"c-2\", \"args\": {\"ticketId\": \"" + ticketId + "\"}}");
        assertEquals("completed", reply("counter", "c-2").path("data").path("status").asText());
        probe.publish(BASE + "cmd/counter/ticket.complete", "{\"id\": \"c-3\", \"args\": {\"ticketId\": \"nope\"}}");
        assertEquals(404, reply("counter", "c-3").get("code").asInt());

        probe.publish(BASE + "cmd/tech/device.status", "{\"id\": \"t-1\"}");
        JsonNode device = reply("tech", "t-1");
        assertEquals("UP", device.path("data").path("health").path("status").asText());
        assertTrue(device.path("data").path("selftest").path("ok").asBoolean(), "the selftest report: " + device);
        assertTrue(device.path("data").path("selftest").toString().contains("connected to " + broker.url()), device.toString());
        probe.publish(BASE + "cmd/tech/maintenance.set", "{\"id\": \"t-2\", \"args\": {\"on\": true}}");
        assertTrue(reply("tech", "t-2").path("data").path("maintenance").asBoolean());
        assertEquals(503, api.post("/api/tickets", "{\"serviceId\": \"land\"}").status(), "the touchscreen is out of service");
        assertTrue(api.get("/api/health").body().get("maintenance").asBoolean());
        probe.publish(BASE + "cmd/tech/printer.test", "{\"id\": \"t-3\"}");
        assertTrue(reply("tech", "t-3").path("data").path("printed").asBoolean());
        probe.publish(BASE + "cmd/tech/log.level", "{\"id\": \"t-4\", \"args\": {\"level\": \"debug\"}}");
        assertEquals("DEBUG", reply("tech", "t-4").path("data").path("level").asText());
        probe.publish(BASE + "cmd/tech/ticket.reprint", "{\"id\": \"t-5\", \"args\": {\"ticketId\": \"" + ticketId + "\"}}");
        assertTrue(reply("tech", "t-5").path("data").path("printed").asBoolean());
    }

    @Test
    void aRequestSeenAgainGetsTheFirstReplyWithoutDoingTheWorkTwice() throws Exception {
        start();
        probe.await(WAIT, "online", m -> m.topic().equals(BASE + "status"));
        String cmd = "{\"id\": \"same-1\", \"args\": {\"serviceId\": \"land\"}}";
        probe.publish(BASE + "cmd/robot/ticket.issue", cmd);
        JsonNode first = reply("robot", "same-1");
        probe.publish(BASE + "cmd/robot/ticket.issue", cmd);
        probe.await(WAIT, "the second reply", m -> probe.received().stream()
                .filter(x -> x.topic().equals(BASE + "reply/robot/same-1")).count() == 2);
        JsonNode second = probe.received().stream().filter(x -> x.topic().equals(BASE + "reply/robot/same-1"))
                .skip(1).findFirst().orElseThrow().json();
        assertEquals(first, second);
        assertEquals(1, api.get("/api/queue").body().get("waitingTotal").asInt(), "one ticket, not two");
    }

    @Test
    void malformedPayloadsGet400AndTheKioskCarriesOn() throws Exception {
        start();
        probe.await(WAIT, "online", m -> m.topic().equals(BASE + "status"));
        probe.publish(BASE + "cmd/robot/ticket.issue", "this is not json");
        expectInvalid("robot", 1);
        probe.publish(BASE + "cmd/robot/ticket.issue", new byte[1024 * 1024]);
        expectInvalid("robot", 2);
        probe.publish(BASE + "cmd/robot/ticket.issue", "{\"args\": {\"serviceId\": \"land\"}}");
        expectInvalid("robot", 3);
        probe.publish(BASE + "cmd/robot/ticket.issue", "[1, 2, 3]");
        expectInvalid("robot", 4);
        probe.publish(BASE + "cmd/robot/ticket.issue", "{\"id\": 42}");
        expectInvalid("robot", 5);
        probe.publish(BASE + "cmd/robot/ticket.issue", "{\"id\": \"w-1\", \"args\": {\"serviceId\": 5}}");
        JsonNode wrongType = reply("robot", "w-1");
        assertEquals(400, wrongType.get("code").asInt());
        assertTrue(wrongType.get("error").asText().contains("serviceId"), wrongType.toString());
        probe.publish(BASE + "cmd/robot/ticket.issue", "{\"id\": \"w-2\", \"args\": \"land\"}");
        assertEquals(400, reply("robot", "w-2").get("code").asInt());
        probe.publish(BASE + "cmd/tech/maintenance.set", "{\"id\": \"w-3\", \"args\": {\"on\": \"yes\"}}");
        assertEquals(400, reply("tech", "w-3").get("code").asInt());
        assertEquals(200, api.get("/api/health").status());
        probe.publish(BASE + "cmd/robot/queue.status", "{\"id\": \"ok-1\"}");
        assertEquals(200, reply("robot", "ok-1").get("code").asInt());
    }

    @Test
    void configReloadChecksTheFileFirst() throws Exception {
        start();
        java.nio.file.Path file = kiosk.dir().resolve("kiosk-test.yaml");
        boolean[] restarted = new boolean[1];
        app.configSource(file, Map.of("KIOSK_DATA_DIR", kiosk.dir().resolve("data").toString())).onRestart(() -> restarted[0] = true);
        probe.await(WAIT, "online", m -> m.topic().equals(BASE + "status"));
        java.nio.file.Files.writeString(file, "http: { port: 99999 }\n");
        probe.publish(BASE + "cmd/tech/config.reload", "{\"id\": \"cr-1\"}");
        JsonNode bad = reply("tech", "cr-1");
        assertEquals(400, bad.get("code").asInt());
        assertTrue(bad.get("error").asText().contains("http.port"), bad.toString());
        assertFalse(restarted[0]);
        java.nio.file.Files.writeString(file, "http: { port: 9999 }\n");
        probe.publish(BASE + "cmd/tech/config.reload", "{\"id\": \"cr-2\"}");
        assertTrue(reply("tech", "cr-2").path("data").path("restarting").asBoolean());
        vn.kiosk.hw.testing.Poll.until(WAIT, "the restart to be requested", () -> restarted[0]);
    }

    private void expectInvalid(String role, int count) {
        probe.await(WAIT, count + " replies on reply/" + role + "/invalid", m -> probe.received().stream()
                .filter(x -> x.topic().equals(BASE + "reply/" + role + "/invalid")).count() == count);
        JsonNode r = probe.received().stream().filter(x -> x.topic().equals(BASE + "reply/" + role + "/invalid"))
                .skip(count - 1).findFirst().orElseThrow().json();
        assertEquals(400, r.get("code").asInt());
        assertEquals("error", r.get("status").asText());
    }

    private JsonNode reply(String role, String id) {
        return probe.await(WAIT, "reply to " + id, m -> m.topic().equals(BASE + "reply/" + role + "/" + id)).json();
    }
}
