package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.FleetKiosk;

/** The same refusal carries the same status and code string over HTTP ({@code error.code}) and MQTT ({@code errorCode}). */
class ErrorCodeParityTest {

    @RegisterExtension
    final FleetKiosk kiosk = new FleetKiosk();

    @Test
    void sameFailureSameCodeOnBothAdapters() throws Exception {
        expectSame("unknown_service", 404,
                kiosk.api().post("/api/tickets", "{\"serviceId\": \"nope\"}"),
                kiosk.command("robot", "ticket.issue", "p-1", "{\"serviceId\": \"nope\"}"));
        expectSame("unknown_priority", 400,
                kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\", \"priority\": \"nope\"}"),
                kiosk.command("robot", "ticket.issue", "p-2", "{\"serviceId\": \"land\", \"priority\": \"nope\"}"));
        expectSame("unknown_ticket", 404,
                kiosk.api().post("/api/tickets/nope/complete", ""),
                kiosk.command("counter", "ticket.complete", "p-3", "{\"ticketId\": \"nope\"}"));
        expectSame("bad_request", 400,
                kiosk.api().post("/api/tickets", "{}"),
                kiosk.command("robot", "ticket.issue", "p-4", "{}"));
    }


    private static void expectSame(String code, int status, Api.Response http, JsonNode mqtt) {
        assertEquals(status, http.status(), http.text());
        assertEquals(code, http.body().path("error").path("code").asText(), http.text());
        assertEquals(status, mqtt.path("code").asInt(), mqtt.toString());
        assertEquals("error", mqtt.path("status").asText(), mqtt.toString());
        assertEquals(code, mqtt.path("errorCode").asText(), mqtt.toString());
    }
}
