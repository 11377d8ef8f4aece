package vn.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.RunningKiosk;

/** The reports over HTTP: the summary's shape, the spreadsheet's encoding, bad periods, and who may read them. */
class ReportRoutesTest {

    private static final String MANAGER = "manager-token-0123456789";
    private static final String ROBOT = "robot-token-0123456789ab";
    private static final String TOKENS = """
            http:
              trustLocalhost: false
              tokens: { robot: "%s", counter: "counter-token-0123456789", tech: "tech-token-0123456789abc", manager: "%s" }
            """.formatted(ROBOT, MANAGER);

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();

    @Test
    void aManagerReadsTheSummaryAndTheSpreadsheetButTakesNoTicket() throws Exception {
        kiosk.start(TOKENS);
        Api api = kiosk.api();
        assertEquals(201, api.post("/api/tickets", "{\"serviceId\": \"land\", \"waitForPrint\": false}", ROBOT).status());
        // the reports page takes "today" from the kiosk's business day, not the browser's clock
        Api.Response queue = api.get("/api/queue", MANAGER);
        assertEquals(200, queue.status(), "a manager reads the queue's business day: " + queue.text());
        String day = queue.body().get("businessDay").asText();
        String period = "?from=" + day + "&to=" + day;
        for (String token : List.of("counter-token-0123456789", "tech-token-0123456789abc")) {
            assertEquals(200, api.get("/api/reports/summary" + period, token).status(), "counter and tech read the reports");
        }

        Api.Response summary = api.get("/api/reports/summary" + period, MANAGER);
        assertEquals(200, summary.status(), summary.text());
        JsonNode s = summary.body();
        for (String field : List.of("from", "to", "totals", "services", "counters", "arrivalsByHour", "channels",
                "priorities", "days", "drinks")) {
            assertTrue(s.has(field), field + " in " + s);
        }
        assertEquals(24, s.get("arrivalsByHour").size());
        assertEquals(1, s.at("/totals/issued").asLong());
        JsonNode land = null;
        for (JsonNode service : s.get("services")) {
            if (service.get("serviceId").asText().equals("land")) {
                land = service;
            }
        }
        assertEquals(1, land.get("issued").asLong(), s.toString());
        assertTrue(land.get("waitMinutes").has("p50") && land.get("serviceMinutes").has("p90"), land.toString());
        assertEquals(1, s.at("/channels/touchscreen").asLong());

        HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(kiosk.base() + "/api/reports/tickets.csv" + period))
                .header("Authorization", "Bearer " + MANAGER).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElse("").toLowerCase());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("tickets-" + day), csv.headers().toString());
        byte[] body = csv.body();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(body[0], body[1], body[2]));
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), "a header and one ticket: " + lines);
        assertTrue(lines.get(1).contains("Đất đai"), lines.get(1));

        assertEquals(403, api.post("/api/tickets", "{\"serviceId\": \"land\"}", MANAGER).status(), "a manager takes no ticket");
        assertEquals(403, api.get("/api/reports/summary" + period, ROBOT).status(), "a robot reads no report");
        assertEquals(401, api.get("/api/reports/summary" + period).status(), "from the LAN without a token");
    }

    @Test
    void aBadPeriodIsA400ThatSaysWhichParameter() throws Exception {
        kiosk.start("{}");
        Api.Response r = kiosk.api().get("/api/reports/summary?from=2026-13-01&to=2026-12-01");
        assertEquals(400, r.status(), r.text());
        assertEquals("bad_period", r.body().at("/error/code").asText());
        assertEquals("'from' must be a day as YYYY-MM-DD; got '2026-13-01'", r.body().at("/error/message").asText());
        Api.Response csv = kiosk.api().get("/api/reports/tickets.csv?from=2026-12-01");
        assertEquals(400, csv.status(), csv.text());
        assertEquals("'to' is required: a business day as YYYY-MM-DD", csv.body().at("/error/message").asText());
    }
}
