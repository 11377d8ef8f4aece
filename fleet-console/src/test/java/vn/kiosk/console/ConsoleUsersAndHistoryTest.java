package vn.kiosk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.TestPostgres;

/** Users and roles (a viewer looks, a technician acts, every action names its user), a kiosk's history, the city's figures. */
class ConsoleUsersAndHistoryTest {

    private static final String TECH = RunningConsole.TECH;

    @RegisterExtension
    static final TestPostgres pg = new TestPostgres();
    @RegisterExtension
    final RunningConsole fleet = new RunningConsole(pg);

    private Api start() throws Exception {
        fleet.start(Map.of("--command-timeout", "1"), Clock.systemUTC());
        return fleet.api();
    }

    @Test
    void aViewerLooksATechnicianActsAndTheAuditNamesWho() throws Exception {
        Api api = start();
        try (MqttProbe kiosk = MqttProbe.connect(fleet.broker().url())) {
            kiosk.publish("kiosk/site-a/kiosk-01/status", "{\"online\": true, \"version\": \"1.0\", \"startedAt\": \"2026-12-01T01:00:00Z\"}");
            Poll.until(Duration.ofSeconds(10), "the kiosk known", () -> api.get("/api/fleet/devices", TECH).body().size() == 1);
        }
        Api.Response viewer = api.post("/api/fleet/users", "{\"name\": \"lan\", \"role\": \"viewer\"}", TECH);
        assertEquals(201, viewer.status(), viewer.text());
        String lan = viewer.body().get("token").asText();
        assertTrue(lan.startsWith("lan."), lan);
        String minh = api.post("/api/fleet/users", "{\"name\": \"minh\", \"role\": \"technician\"}", TECH).body()
                .get("token").asText();

        assertEquals(200, api.get("/api/fleet/devices", lan).status(), "a viewer looks");
        Api.Response refused = api.post("/api/fleet/devices/site-a/kiosk-01/commands/printer.test", "{}", lan);
        assertEquals(403, refused.status(), refused.text());
        assertEquals(403, api.post("/api/fleet/users", "{\"name\": \"x1\", \"role\": \"technician\"}", lan).status());
        assertEquals(401, api.get("/api/fleet/devices", "lan.not-the-secret").status(), "a wrong secret");

        Api.Response sent = api.post("/api/fleet/devices/site-a/kiosk-01/commands/printer.test", "{}", minh);
        assertEquals(504, sent.status(), "nobody answers for this kiosk: " + sent.text());
        JsonNode audit = api.get("/api/fleet/audit", lan).body().get(0);
        assertEquals("minh", audit.get("actor").asText());
        assertEquals(504, audit.get("code").asInt());
        assertEquals(409, api.post("/api/fleet/users", "{\"name\": \"lan\", \"role\": \"viewer\"}", minh).status());
        assertEquals(400, api.post("/api/fleet/users", "{\"name\": \"Lan Anh\", \"role\": \"viewer\"}", minh).status());
        JsonNode users = api.get("/api/fleet/users", minh).body();
        assertEquals(2, users.size(), users.toString());
        assertTrue(!users.toString().contains("secret") && !users.toString().contains(lan.substring(4)), "never a secret");
    }

    @Test
    void aKioskHistoryAndTheCitysTicketsAndMedianWaits() throws Exception {
        Api api = start();
        Instant t0 = Instant.now().minus(Duration.ofHours(2));
        try (MqttProbe kiosk = MqttProbe.connect(fleet.broker().url())) {
            for (int i = 1; i <= 3; i++) {
                kiosk.publish("kiosk/site-a/kiosk-01/telemetry", "{\"ts\": \"" + t0.plusSeconds(60L * i) + "\", \"version\": \"1.0\", "
                        + "\"queue\": {\"waiting\": " + i + ", \"services\": {}}, \"devices\": {\"printer\": \"READY\"}, "
                        + "\"outboxBacklog\": {\"events\": 0, \"bytes\": 0}}");
            }
            // three tickets: waits of 4, 10 and (never called) none; a printer state change
            int seq = 0;
            for (int i = 0; i < 3; i++) {
                kiosk.publish("kiosk/site-a/kiosk-01/events", event(++seq, "ticket.issued", t0, "{\"ticketId\": \"t" + i + "\"}"));
            }
            kiosk.publish("kiosk/site-a/kiosk-01/events", event(++seq, "ticket.called", t0.plusSeconds(240), "{\"ticketId\": \"t0\"}"));
            kiosk.publish("kiosk/site-a/kiosk-01/events", event(++seq, "ticket.called", t0.plusSeconds(600), "{\"ticketId\": \"t1\"}"));
            kiosk.publish("kiosk/site-a/kiosk-01/events", event(++seq, "printer.state", t0.plusSeconds(700),
                    "{\"device\": \"printer\", \"state\": \"PAPER_LOW\", \"ok\": true}"));
            Poll.until(Duration.ofSeconds(10), "all stored", () -> api.get("/api/fleet/devices/site-a/kiosk-01/history?hours=3",
                    TECH).body().get("states").size() == 1);
        }
        JsonNode h = api.get("/api/fleet/devices/site-a/kiosk-01/history?hours=3", TECH).body();
        assertEquals(3, h.get("telemetry").size(), h.toString());
        assertEquals(3, h.at("/telemetry/2/waiting").asLong());
        assertEquals("PAPER_LOW", h.at("/states/0/state").asText());
        assertEquals(3, h.at("/ticketsPerDay/0/tickets").asLong(), h.toString());
        JsonNode city = api.get("/api/fleet/city?days=2", TECH).body();
        assertEquals(1, city.size(), city.toString());
        assertEquals("site-a", city.at("/0/site").asText());
        assertEquals(3, city.at("/0/tickets").asLong());
        assertEquals(7.0, city.at("/0/medianWaitMinutes").asDouble(), 0.001, "the median of 4 and 10 minutes: " + city);
        assertEquals(400, api.get("/api/fleet/city?days=0", TECH).status());
    }

    @Test
    void theWebhookHearsOfEachAlertOpenedAndResolved() throws Exception {
        java.util.List<JsonNode> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        io.javalin.Javalin receiver = io.javalin.Javalin.create(c -> c.routes.post("/hook", ctx -> {
            heard.add(mapper.readTree(ctx.body()));
            ctx.status(204);
        })).start("127.0.0.1", 0);
        try {
            fleet.start(Map.of("--webhook", "http://127.0.0.1:" + receiver.port() + "/hook"), Clock.systemUTC());
            try (MqttProbe kiosk = MqttProbe.connect(fleet.broker().url())) {
                kiosk.publish("kiosk/site-a/kiosk-01/telemetry", "{\"devices\": {\"printer\": \"PAPER_OUT\"}}");
                Poll.until(Duration.ofSeconds(10), "the opened alert heard", () -> heard.size() == 1);
                kiosk.publish("kiosk/site-a/kiosk-01/telemetry", "{\"devices\": {\"printer\": \"READY\"}}");
                Poll.until(Duration.ofSeconds(10), "the resolved alert heard", () -> heard.size() == 2);
            }
            assertEquals("alert.opened", heard.get(0).get("event").asText());
            assertEquals("paper_out", heard.get(0).get("kind").asText());
            assertEquals("site-a", heard.get(0).get("site").asText());
            assertEquals("alert.resolved", heard.get(1).get("event").asText());
        } finally {
            receiver.stop();
        }
    }

    private static String event(int seq, String type, Instant ts, String data) {
        return "{\"id\": \"e" + seq + "\", \"seq\": " + seq + ", \"type\": \"" + type + "\", \"ts\": \"" + ts + "\", \"data\": " + data + "}";
    }
}
