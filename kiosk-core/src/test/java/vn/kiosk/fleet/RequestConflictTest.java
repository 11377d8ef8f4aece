package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.FleetKiosk;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.hw.testing.Poll;

/** A request id used again for a different request is a 409 request_conflict, over MQTT and HTTP alike. */
class RequestConflictTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BASE = FleetKiosk.BASE;

    @RegisterExtension
    final FleetKiosk kiosk = new FleetKiosk();

    @Test
    void mqttRequestIdReusedWithOtherArgsOrForAnotherCommand() throws Exception {
        kiosk.probe().publish(BASE + "cmd/robot/ticket.issue", "{\"id\": \"c-1\", \"args\": {\"serviceId\": \"land\"}}");
        JsonNode first = replies("c-1", 1)[0];
        assertEquals(200, first.get("code").asInt(), first.toString());
        // the same request with its args in another order and the dash spelling is the same request
        kiosk.probe().publish(BASE + "cmd/robot/ticket-issue", "{\"args\": {\"serviceId\": \"land\", \"priority\": null}, \"id\": \"c-1\"}");
        assertEquals(first, replies("c-1", 2)[1]);
        kiosk.probe().publish(BASE + "cmd/robot/ticket.issue", "{\"id\": \"c-1\", \"args\": {\"serviceId\": \"land\", \"priority\": \"elderly\"}}");
        expectConflict(replies("c-1", 3)[2]);
        kiosk.probe().publish(BASE + "cmd/robot/queue.status", "{\"id\": \"c-1\"}");
        expectConflict(replies("c-1", 4)[3]);
        assertEquals(1, kiosk.api().get("/api/queue").body().get("waitingTotal").asInt(), "one ticket");
    }

    @Test
    void httpRequestIdReusedWithOtherArgs() throws Exception {
        Api.Response first = kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\", \"requestId\": \"h-1\"}");
        assertEquals(201, first.status());
        Api.Response again = kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\", \"requestId\": \"h-1\"}");
        assertEquals(first.body().get("id"), again.body().get("id"));
        for (String body : new String[] {"{\"serviceId\": \"civil-status\", \"requestId\": \"h-1\"}",
                "{\"serviceId\": \"land\", \"priority\": \"elderly\", \"requestId\": \"h-1\"}"}) {
            Api.Response conflict = kiosk.api().post("/api/tickets", body);
            assertEquals(409, conflict.status(), conflict.text());
            assertEquals("request_conflict", conflict.body().get("error").get("code").asText(), conflict.text());
        }
        assertEquals(1, kiosk.api().get("/api/queue").body().get("waitingTotal").asInt(), "one ticket");
    }

    private static void expectConflict(JsonNode r) {
        assertEquals(409, r.get("code").asInt(), r.toString());
        assertEquals("request_conflict", r.get("errorCode").asText(), r.toString());
        assertTrue(r.get("error").asText().contains("c-1"), r.toString());
    }

    private JsonNode[] replies(String id, int count) {
        String topic = BASE + "reply/robot/" + id;
        Poll.until(WAIT, count + " replies to " + id,
                () -> kiosk.probe().received().stream().filter(m -> m.topic().equals(topic)).count() >= count);
        return kiosk.probe().received().stream().filter(m -> m.topic().equals(topic)).map(MqttProbe.Message::json)
                .toArray(JsonNode[]::new);
    }
}
