package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.FleetKiosk;

/** Commands are checked as strictly as the HTTP API checks the same request: an empty name, unknown or mistyped args. */
class CommandValidationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BASE = FleetKiosk.BASE;

    @RegisterExtension
    final FleetKiosk kiosk = new FleetKiosk();

    @Test
    void anEmptyCommandNameIsAnswered400() throws Exception {
        kiosk.probe().publish(BASE + "cmd/robot/", "{\"id\": \"e-1\"}");
        JsonNode r = kiosk.reply("robot", "e-1");
        assertEquals(400, r.get("code").asInt(), r.toString());
        assertTrue(r.get("error").asText().contains("command name"), r.toString());
        kiosk.probe().publish(BASE + "cmd/counter/", "not json");
        JsonNode invalid = kiosk.probe().await(WAIT, "the reply on reply/counter/invalid",
                m -> m.topic().equals(BASE + "reply/counter/invalid")).json();
        assertEquals(400, invalid.get("code").asInt());
    }

    @Test
    void unknownArgsAreRefusedNamingTheFieldLikeTheHttpApiDoes() throws Exception {
        kiosk.probe().publish(BASE + "cmd/robot/ticket.issue", "{\"id\": \"u-1\", \"args\": {\"serviceId\": \"land\", \"colour\": \"red\"}}");
        JsonNode mqtt = kiosk.reply("robot", "u-1");
        assertEquals(400, mqtt.get("code").asInt(), mqtt.toString());
        assertTrue(mqtt.get("error").asText().contains("'colour'"), mqtt.toString());
        Api.Response http = kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\", \"colour\": \"red\"}");
        assertEquals(400, http.status());
        assertTrue(http.body().get("error").get("message").asText().contains("'colour'"), http.text());

        kiosk.probe().publish(BASE + "cmd/tech/maintenance.set", "{\"id\": \"u-2\", \"args\": {\"on\": true, \"forever\": true}}");
        JsonNode tech = kiosk.reply("tech", "u-2");
        assertEquals(400, tech.get("code").asInt(), tech.toString());
        assertTrue(tech.get("error").asText().contains("'forever'"), tech.toString());
        assertFalse(kiosk.app().maintenance().isOn(), "a refused command changes nothing");

        kiosk.probe().publish(BASE + "cmd/robot/queue.status", "{\"id\": \"u-3\", \"args\": {\"verbose\": true}}");
        assertEquals(400, kiosk.reply("robot", "u-3").get("code").asInt());
        assertEquals(0, kiosk.api().get("/api/queue").body().get("waitingTotal").asInt(), "no ticket was issued");
    }

    @Test
    void mistypedArgsAreRefusedNamingTheField() throws Exception {
        kiosk.probe().publish(BASE + "cmd/robot/ticket.issue", "{\"id\": \"t-1\", \"args\": {\"serviceId\": \"land\", \"priority\": 5}}");
        JsonNode r = kiosk.reply("robot", "t-1");
        assertEquals(400, r.get("code").asInt(), r.toString());
        assertTrue(r.get("error").asText().contains("priority"), r.toString());
        kiosk.probe().publish(BASE + "cmd/counter/counter.next", "{\"id\": \"t-2\", \"args\": {\"counterId\": \"4\", \"services\": \"land\"}}");
        JsonNode next = kiosk.reply("counter", "t-2");
        assertEquals(400, next.get("code").asInt(), next.toString());
        assertTrue(next.get("error").asText().contains("services"), next.toString());
        assertEquals(0, kiosk.api().get("/api/queue").body().get("waitingTotal").asInt(), "no ticket was issued");
    }

}
