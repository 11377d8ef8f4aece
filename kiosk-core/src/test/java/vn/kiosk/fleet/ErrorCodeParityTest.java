package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.FleetKiosk;

/** The same refusal carries the same status and code string over HTTP ({@code error.code}) and MQTT ({@code errorCode}). */
class ErrorCodeParityTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BASE = FleetKiosk.BASE;

    @TempDir
    Path dir;
    private FleetKiosk kiosk;

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void sameFailureSameCodeOnBothAdapters() throws Exception {
        kiosk = FleetKiosk.start(dir);
        expectSame("unknown_service", 404,
                kiosk.api().post("/api/tickets", "{\"serviceId\": \"nope\"}"),
                command("robot", "ticket.issue", "p-1", "{\"serviceId\": \"nope\"}"));
        expectSame("unknown_priority", 400,
                kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\", \"priority\": \"nope\"}"),
                command("robot", "ticket.issue", "p-2", "{\"serviceId\": \"land\", \"priority\": \"nope\"}"));
        expectSame("unknown_ticket", 404,
                kiosk.api().post("/api/tickets/nope/complete", ""),
                command("counter", "ticket.complete", "p-3", "{\"ticketId\": \"nope\"}"));
        expectSame("bad_request", 400,
                kiosk.api().post("/api/tickets", "{}"),
                command("robot", "ticket.issue", "p-4", "{}"));
    }

    private JsonNode command(String role, String name, String id, String args) throws Exception {
        kiosk.probe().publish(BASE + "cmd/" + role + "/" + name, "{\"id\": \"" + id + "\", \"args\": " + args + "}");
        return kiosk.probe().await(WAIT, "reply to " + id, m -> m.topic().equals(BASE + "reply/" + role + "/" + id)).json();
    }

    private static void expectSame(String code, int status, Api.Response http, JsonNode mqtt) {
        assertEquals(status, http.status(), http.text());
        assertEquals(code, http.body().path("error").path("code").asText(), http.text());
        assertEquals(status, mqtt.path("code").asInt(), mqtt.toString());
        assertEquals("error", mqtt.path("status").asText(), mqtt.toString());
        assertEquals(code, mqtt.path("errorCode").asText(), mqtt.toString());
    }
}
