package vn.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.RunningKiosk;

/** The local API over real HTTP, against the whole application with simulated devices. */
class HttpApiTest {

    private static final String ROBOT = "robot-token-0123456789";
    private static final String COUNTER = "counter-token-0123456789";
    private static final String TECH = "tech-token-0123456789ab";

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private Api api;

    private void start(String yaml) throws Exception {
        api = kiosk.start(yaml).api();
    }

    @Test
    void issuesATicketAndAnswersWithWhatTheCallerNeeds() throws Exception {
        start("{}");
        Api.Response r = api.post("/api/tickets", "{\"serviceId\": \"land\", \"priority\": \"elderly\", \"channel\": \"robot\"}");
        assertEquals(201, r.status(), r.text());
        for (String field : new String[] {"id", "number", "serviceId", "priority", "issuedAt", "waitingAhead", "estimatedWaitMinutes"}) {
            assertTrue(r.body().has(field), field + " missing in " + r.text());
        }
        assertEquals("E001", r.body().get("number").asText());
        assertEquals("elderly", r.body().get("priority").asText());
        assertEquals("robot", r.body().get("channel").asText());

        Api.Response again = api.get("/api/tickets/" + r.body().get("id").asText());
        assertEquals(200, again.status());
        assertEquals("E001", again.body().get("number").asText());
        assertEquals(r.body().get("issuedAt").asText(), again.body().get("issuedAt").asText());
    }

    @Test
    void servicesListNamesDocumentsAndCounters() throws Exception {
        start("{}");
        Api.Response r = api.get("/api/services");
        assertEquals(200, r.status());
        var first = r.body().get(0);
        assertEquals("civil-status", first.get("id").asText());
        assertEquals("A", first.get("prefix").asText());
        assertEquals("Hộ tịch (khai sinh, kết hôn, khai tử)", first.get("name").get("vi").asText());
        assertFalse(first.get("name").get("en").asText().isEmpty());
        assertTrue(first.get("documents").size() > 0);
        assertEquals("1", first.get("counters").get(0).get("id").asText());
    }

    @Test
    void countersCallCompleteAndTheQueueShowsIt() throws Exception {
        start("{}");
        assertEquals(204, api.post("/api/counters/1/next", "").status(), "nobody waits yet");
        String id = api.post("/api/tickets", "{\"serviceId\": \"civil-status\"}").body().get("id").asText();
        api.post("/api/tickets", "{\"serviceId\": \"civil-status\"}");
        Api.Response called = api.post("/api/counters/1/next", "{\"services\": [\"civil-status\"]}");
        assertEquals(200, called.status(), called.text());
        assertEquals(id, called.body().get("id").asText());
        assertEquals("called", called.body().get("status").asText());

        Api.Response queue = api.get("/api/queue");
        var civil = queue.body().get("services").get(0);
        assertEquals(1, civil.get("waiting").asInt());
        assertEquals("A001", civil.get("nowServing").get(0).get("number").asText());

        assertEquals("called", api.post("/api/tickets/" + id + "/recall", "").body().get("status").asText());
        assertEquals("completed", api.post("/api/tickets/" + id + "/complete", "").body().get("status").asText());
        Api.Response twice = api.post("/api/tickets/" + id + "/complete", "");
        assertEquals(409, twice.status());
        assertEquals("not_called", twice.body().get("error").get("code").asText());
    }

    @Test
    void clientMistakesGetA4xxWithCodeAndMessage() throws Exception {
        start("{}");
        expectError(api.post("/api/tickets", "{\"serviceId\": \"land\""), 400, "bad_json");
        expectError(api.post("/api/tickets", ""), 400, "bad_request");
        expectError(api.post("/api/tickets", "null"), 400, "bad_request");
        expectError(api.post("/api/tickets", "[1, 2]"), 400, "bad_request");
        expectError(api.post("/api/tickets", "{\"serviceId\": {\"a\": 1}}"), 400, "bad_request");
        expectError(api.post("/api/tickets", "{\"serviceId\": \"land\", \"colour\": \"red\"}"), 400, "bad_request");
        expectError(api.post("/api/tickets", "{}"), 400, "bad_request");
        expectError(api.post("/api/tickets", "{\"serviceId\": \"land\", \"channel\": \"fax\"}"), 400, "bad_request");
        expectError(api.post("/api/tickets", "{\"serviceId\": \"land\", \"priority\": \"vip\"}"), 400, "unknown_priority");
        expectError(api.post("/api/tickets", "{\"serviceId\": \"passport\"}"), 404, "unknown_service");
        expectError(api.post("/api/tickets", "{\"serviceId\": \"" + "x".repeat(100_000) + "\"}"), 413, "too_large");
        expectError(api.get("/api/tickets/does-not-exist"), 404, "unknown_ticket");
        expectError(api.post("/api/counters/99/next", ""), 404, "unknown_counter");
        expectError(api.post("/api/counters/1/next", "{\"services\": \"land\"}"), 400, "bad_request");
        expectError(api.post("/api/tickets/x/transfer", "{}"), 400, "bad_request");
        expectError(api.get("/api/nothing-here"), 404, "not_found");
        expectError(api.get("/api/tickets"), 405, "method_not_allowed");
    }

    @Test
    void looselyTypedValuesAndDuplicateKeysAreRejectedNamingTheField() throws Exception {
        start("devices: { dispenser: \"sim:\" }\n");
        expectField(api.post("/api/tickets", "{\"serviceId\": \"land\", \"requestId\": 12}"), "requestId", "a text string");
        expectField(api.post("/api/tickets", "{\"serviceId\": \"land\", \"requestId\": true}"), "requestId", "a text string");
        expectField(api.post("/api/tickets", "{\"serviceId\": 7}"), "serviceId", "a text string");
        expectField(api.post("/api/tickets", "{\"serviceId\": \"land\", \"serviceId\": \"civil-status\"}"), "serviceId",
                "more than once");
        expectField(api.post("/api/counters/1/next", "{\"services\": [\"land\", 3]}"), "services[1]", "a text string");
        expectField(api.post("/api/drinks", "{\"kind\": \"cold\", \"ml\": 1.5}"), "ml", "a whole number");
        expectField(api.post("/api/drinks", "{\"kind\": \"cold\", \"ml\": \"150\"}"), "ml", "a whole number");
        expectField(api.post("/api/drinks", "{\"kind\": \"hot\", \"confirm\": \"true\"}"), "confirm", "true or false");
        expectField(api.post("/api/drinks", "{\"kind\": \"hot\", \"confirm\": 1}"), "confirm", "true or false");
        assertEquals(0, api.get("/api/queue").body().get("waitingTotal").asInt(), "no ticket came from a rejected body");
    }

    private static void expectField(Api.Response r, String field, String expected) {
        expectError(r, 400, "bad_request");
        String message = r.body().get("error").get("message").asText();
        assertTrue(message.contains(field) && message.contains(expected), "names '" + field + "' and says '" + expected
                + "': " + message);
    }

    @Test
    void onTheLanEachRoleNeedsItsOwnToken() throws Exception {
        start("""
                http:
                  trustLocalhost: false
                  tokens: { robot: %s, counter: %s, tech: %s }
                """.formatted(ROBOT, COUNTER, TECH));
        assertEquals(200, api.get("/api/health").status(), "health stays public for monitors");
        assertEquals(200, api.get("/api/services").status(), "the catalogue is public");
        expectError(api.post("/api/tickets", "{\"serviceId\": \"land\"}"), 401, "unauthorized");
        expectError(api.post("/api/tickets", "{\"serviceId\": \"land\"}", "wrong-token-000000000"), 401, "unauthorized");
        assertEquals(201, api.post("/api/tickets", "{\"serviceId\": \"land\"}", ROBOT).status());
        expectError(api.post("/api/counters/4/next", "", ROBOT), 403, "forbidden");
        assertEquals(200, api.post("/api/counters/4/next", "", COUNTER).status());
        assertEquals(200, api.get("/api/queue", TECH).status());
    }

    @Test
    void healthReportsEachDeviceAndDegradesWhenThePrinterIsOut() throws Exception {
        start("devices: { dispenser: \"\" }\n");
        Api.Response up = api.get("/api/health");
        assertEquals(200, up.status());
        assertEquals("UP", up.body().get("status").asText());
        assertEquals("READY", up.body().get("devices").get("printer").get("state").asText());
        assertEquals("READY", up.body().get("devices").get("scanner").get("state").asText());
        assertEquals("NOT_CONFIGURED", up.body().get("devices").get("dispenser").get("state").asText());

        kiosk.sim().paper().setPaperOut(true);
        Poll.until(Duration.ofSeconds(2), "health to show the paper out",
                () -> "DEGRADED".equals(api.get("/api/health").body().get("status").asText()));
        Api.Response degraded = api.get("/api/health");
        assertEquals(200, degraded.status(), "DEGRADED still answers 200: tickets can be issued");
        assertEquals("DEGRADED", degraded.body().get("status").asText());
        assertEquals("PAPER_OUT", degraded.body().get("devices").get("printer").get("state").asText());
        assertEquals(201, api.post("/api/tickets", "{\"serviceId\": \"land\"}").status());
    }

    @Test
    void aRepeatedRequestIdGetsTheSameTicket() throws Exception {
        start("{}");
        String body = "{\"serviceId\": \"land\", \"requestId\": \"tap-123\"}";
        Api.Response first = api.post("/api/tickets", body);
        Api.Response second = api.post("/api/tickets", body);
        assertEquals(first.body().get("id").asText(), second.body().get("id").asText());
        assertEquals(1, api.get("/api/queue").body().get("waitingTotal").asInt());
        expectError(api.post("/api/tickets", "{\"serviceId\": \"land\", \"requestId\": \"no spaces please\"}"), 400, "bad_request");
    }

    @Test
    void outsideOpeningHoursTheTouchscreenTakesNoTicketButRobotsDo() throws Exception {
        start("openingHours: { days: [], open: \"07:00\", close: \"17:00\" }\n");
        expectError(api.post("/api/tickets", "{\"serviceId\": \"land\"}"), 409, "closed");
        assertEquals(201, api.post("/api/tickets", "{\"serviceId\": \"land\", \"channel\": \"robot\"}").status());
        var kiosk = api.get("/api/kiosk").body();
        assertEquals(false, kiosk.get("open").asBoolean());
        assertEquals("07:00-17:00", kiosk.get("openingHours").asText());
        assertEquals(true, kiosk.path("devices").path("printer").path("configured").asBoolean());
    }

    private static void expectError(Api.Response r, int status, String code) {
        assertEquals(status, r.status(), r.text());
        assertNotNull(r.body(), "error bodies are JSON: " + r.text());
        assertEquals(code, r.body().get("error").get("code").asText(), r.text());
        assertFalse(r.body().get("error").get("message").asText().isBlank());
        assertFalse(r.text().contains("vn.kiosk"), "no class names leak: " + r.text());
    }
}
