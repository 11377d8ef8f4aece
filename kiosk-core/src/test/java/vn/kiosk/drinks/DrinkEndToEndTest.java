package vn.kiosk.drinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.hw.dispenser.SimulatedDispenser;
import vn.kiosk.hw.dispenser.Tap;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.EventStream;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.RunningKiosk;
import vn.kiosk.testing.TestBroker;

/** The HTTP and robot paths through the whole kiosk to the simulated dispenser, with a real broker. */
class DrinkEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BASE = "kiosk/phuong-ben-thanh/kiosk-01/";

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private TestBroker broker;
    private MqttProbe probe;
    private Api api;
    private int port;
    private SimulatedDispenser sim;

    private void start(String dispenserUrl) throws Exception {
        broker = TestBroker.start(kiosk.dir().resolve("broker"));
        kiosk.start("""
                devices: { dispenser: "%s" }
                mqtt: { url: "%s", reconnectMinMillis: 20, reconnectMaxMillis: 300, telemetrySeconds: 1 }
                """.formatted(dispenserUrl, broker.url()));
        port = kiosk.port();
        api = kiosk.api();
        sim = kiosk.sim().dispenser();
        probe = MqttProbe.connect(broker.url()).subscribe("kiosk/#", 1);
        probe.await(WAIT, "online", m -> m.topic().equals(BASE + "status") && m.json().path("online").asBoolean());
    }

    @AfterEach
    void stop() {
        if (probe != null) {
            probe.close();
        }
        kiosk.stop();
        if (broker != null) {
            broker.close();
        }
    }

    private JsonNode pourWhenDone(String id) {
        JsonNode[] last = new JsonNode[1];
        Poll.until(WAIT, "pour " + id + " done", () -> {
            last[0] = api.get("/api/drinks/" + id).body();
            return !"POURING".equals(last[0].path("state").asText());
        });
        return last[0];
    }

    private JsonNode reply(String role, String id) {
        return probe.await(WAIT, "reply to " + id, m -> m.topic().equals(BASE + "reply/" + role + "/" + id)).json();
    }

    @Test
    void theTouchscreenPathPoursWithProgressOnTheEventStream() throws Exception {
        start("sim:?flowMlPerMinute=3000");
        try (EventStream events = new EventStream(port)) {
            Api.Response r = api.post("/api/drinks", "{\"kind\": \"cold\", \"ml\": 150}");
            assertEquals(202, r.status(), r.text());
            String id = r.body().path("id").asText();
            assertEquals("POURING", r.body().path("state").asText());

            Api.Response again = api.post("/api/drinks", "{\"kind\": \"cold\", \"ml\": 100}");
            assertEquals(409, again.status(), "one pour at a time: " + again.text());
            assertEquals("busy", again.body().path("error").path("code").asText());

            events.await("progress with some water measured", e -> e.path("type").asText().equals("drink")
                    && e.path("pour").path("id").asText().equals(id) && e.path("pour").path("state").asText().equals("POURING")
                    && e.path("pour").path("measuredMl").asInt() > 0);
            JsonNode done = pourWhenDone(id);
            assertEquals("DONE", done.path("state").asText(), done.toString());
            assertEquals(150, done.path("measuredMl").asInt(), 8);
            assertEquals("touchscreen", done.path("channel").asText());
            events.await("the final state", e -> e.path("type").asText().equals("drink")
                    && e.path("pour").path("state").asText().equals("DONE"));
        }
        probe.await(WAIT, "drink.dispensed on the broker", m -> m.topic().equals(BASE + "events")
                && m.json().path("type").asText().equals("drink.dispensed")
                && m.json().path("data").path("result").asText().equals("DONE"));
        probe.await(WAIT, "today's counts in telemetry", m -> m.topic().equals(BASE + "telemetry")
                && m.json().path("drinks").path("cold").path("cups").asInt() == 1);

        JsonNode health = api.get("/api/health").body().path("devices").path("dispenser");
        assertEquals("READY", health.path("state").asText(), health.toString());
        assertEquals(91.0, health.path("details").path("temperatureC").asDouble(), 1.5);
        assertEquals("ok", health.path("details").path("levels").path("cold").asText());
        assertTrue(health.path("details").path("latchedFault").isNull());
        assertTrue(api.get("/api/kiosk").body().path("drinks").path("cupMl").asInt() > 0);
    }

    @Test
    void badRequestsGetClearErrorsAndTheLimit() throws Exception {
        start("sim:");
        Api.Response over = api.post("/api/drinks", "{\"kind\": \"hot\", \"ml\": 900, \"confirm\": true}");
        assertEquals(400, over.status());
        assertEquals("over_limit", over.body().path("error").path("code").asText());
        assertEquals(200, over.body().path("error").path("limitMl").asInt(), over.text());
        Api.Response hot = api.post("/api/drinks", "{\"kind\": \"hot\", \"ml\": 100}");
        assertEquals(400, hot.status());
        assertEquals("confirmation_required", hot.body().path("error").path("code").asText());
        assertEquals(400, api.post("/api/drinks", "{\"kind\": \"cold\", \"ml\": \"lots\"}").status());
        assertEquals(400, api.post("/api/drinks", "{\"kind\": \"cold\", \"sugar\": 2}").status());
        assertEquals(400, api.post("/api/drinks", "not json").status());
        assertEquals(404, api.get("/api/drinks/nope").status());
        assertFalse(sim.valveOpen(Tap.COLD) || sim.valveOpen(Tap.HOT));
    }

    @Test
    void aRobotPoursAndATechnicianResetsALatchedFault() throws Exception {
        start("sim:?flowMlPerMinute=0");
        probe.publish(BASE + "cmd/robot/drink.dispense", "{\"id\": \"d-1\", \"args\": {\"kind\": \"cold\", \"ml\": 100}}");
        JsonNode started = reply("robot", "d-1");
        assertEquals(200, started.path("code").asInt(), started.toString());
        String pourId = started.path("data").path("id").asText();
        assertEquals("robot", started.path("data").path("channel").asText());

        // the tank is dry: no flow within 2.5 s, the fault latches
        probe.await(WAIT, "dispenser.fault", m -> m.topic().equals(BASE + "events")
                && m.json().path("type").asText().equals("dispenser.fault")
                && m.json().path("data").path("fault").asText().equals("no_flow"));
        probe.publish(BASE + "cmd/robot/drink.status", "{\"id\": \"d-2\", \"args\": {\"pourId\": \"" + pourId + "\"}}");
        assertEquals("FAULT", reply("robot", "d-2").path("data").path("state").asText());
        Poll.until(WAIT, "health shows the latched fault", () -> api.get("/api/health").body().path("devices")
                .path("dispenser").path("state").asText().equals("FAULT"));

        probe.publish(BASE + "cmd/robot/drink.dispense", "{\"id\": \"d-3\", \"args\": {\"kind\": \"cold\"}}");
        JsonNode refused = reply("robot", "d-3");
        assertEquals(503, refused.path("code").asInt(), refused.toString());
        assertEquals("no_flow", refused.path("details").path("fault").asText());

        probe.publish(BASE + "cmd/robot/dispenser.reset", "{\"id\": \"d-4\"}");
        assertEquals(403, reply("robot", "d-4").path("code").asInt(), "robots cannot reset the dispenser");

        sim.setFlowMlPerMinute(6000); // refilled
        probe.publish(BASE + "cmd/tech/dispenser.reset", "{\"id\": \"t-1\", \"args\": {\"by\": \"Anh Minh\"}}");
        JsonNode reset = reply("tech", "t-1");
        assertEquals("no_flow", reset.path("data").path("cleared").asText(), reset.toString());

        probe.publish(BASE + "cmd/robot/drink.dispense", "{\"id\": \"d-5\", \"args\": {\"kind\": \"hot\", \"ml\": 120, \"confirm\": true}}");
        JsonNode hot = reply("robot", "d-5");
        assertEquals(200, hot.path("code").asInt(), hot.toString());
        assertEquals("DONE", pourWhenDone(hot.path("data").path("id").asText()).path("state").asText());

        probe.publish(BASE + "cmd/tech/dispenser.calibrate", "{\"id\": \"t-2\", \"args\": {\"step\": \"measured\", \"measuredMl\": 480}}");
        assertEquals(409, reply("tech", "t-2").path("code").asInt(), "no calibration pour yet");
    }
}
