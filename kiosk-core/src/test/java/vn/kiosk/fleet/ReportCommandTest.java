package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.testing.FleetKiosk;

/** report.summary over MQTT gives a technician the same figures as GET /api/reports/summary; other roles may not ask. */
class ReportCommandTest {

    @RegisterExtension
    final FleetKiosk kiosk = new FleetKiosk();

    @Test
    void aTechnicianGetsTheSameSummaryAsTheHttpApi() throws Exception {
        kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\", \"waitForPrint\": false}");
        String day = kiosk.api().get("/api/queue").body().get("businessDay").asText();
        JsonNode reply = kiosk.command("tech", "report.summary", "r-1", "{\"from\": \"" + day + "\", \"to\": \"" + day + "\"}");
        assertEquals(200, reply.get("code").asInt(), reply.toString());
        JsonNode http = kiosk.api().get("/api/reports/summary?from=" + day + "&to=" + day).body();
        assertEquals(http, reply.get("data"), "the same figures");

        JsonNode bad = kiosk.command("tech", "report.summary", "r-2", "{\"from\": \"yesterday\", \"to\": \"" + day + "\"}");
        assertEquals(400, bad.get("code").asInt(), bad.toString());
        assertEquals("bad_period", bad.get("errorCode").asText(), bad.toString());
        JsonNode robot = kiosk.command("robot", "report.summary", "r-3", "{\"from\": \"" + day + "\", \"to\": \"" + day + "\"}");
        assertEquals(403, robot.get("code").asInt(), "not a robot's command: " + robot);
    }
}
