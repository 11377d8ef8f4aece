package vn.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.MutableClock;
import vn.kiosk.testing.RunningKiosk;

/**
 * The read models of the counter page (GET /api/counters/{id}) and of the waiting-room display
 * (GET /api/display), built from the stored tickets.
 */
class ScreenBoardsApiTest {

    private static final String ROBOT = "robot-token-0123456789";
    private static final String COUNTER = "counter-token-0123456789";
    private static final String TECH = "tech-token-0123456789ab";

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-14T02:05:00Z"));
    private Api api;

    private String issue(String serviceId, String priority) {
        String p = priority == null ? "" : ", \"priority\": \"" + priority + "\"";
        return api.post("/api/tickets", "{\"serviceId\": \"" + serviceId + "\", \"channel\": \"robot\"" + p + "}").body()
                .get("number").asText();
    }

    @Test
    void aCounterBoardHasTheTicketItServesAndItsWaitingListInCallingOrder() throws Exception {
        api = kiosk.clock(clock).start("queue: { maxPriorityInRow: 2 }\n").api();
        JsonNode empty = api.get("/api/counters/5").body();
        assertEquals("5", empty.get("counterId").asText());
        assertEquals("Quầy 5", empty.get("name").get("vi").asText());
        assertEquals(List.of("social-allowance", "return-results", "online-help"), texts(empty.get("serviceIds")));
        assertFalse(empty.has("serving") && !empty.get("serving").isNull(), "serves nobody yet: " + empty);
        assertEquals(0, empty.get("waiting").size());

        String r1 = issue("social-allowance", null);
        clock.advance(Duration.ofMinutes(1));
        String r2 = issue("return-results", null);
        String p1 = issue("online-help", "elderly");
        String p2 = issue("social-allowance", "pregnancy");
        String p3 = issue("social-allowance", "disability");
        issue("land", null);
        clock.advance(Duration.ofMinutes(3));
        JsonNode board = api.get("/api/counters/5").body();
        // two priority tickets in a row, then a regular one (queue.maxPriorityInRow), as "next" would call them
        assertEquals(List.of(p1, p2, r1, p3, r2), numbers(board.get("waiting")));
        assertEquals(5, board.get("waitingTotal").asInt());
        JsonNode first = board.get("waiting").get(0);
        assertEquals("elderly", first.get("priority").asText());
        assertEquals("Người cao tuổi (từ 60 tuổi)", first.get("priorityName").get("vi").asText());
        assertEquals(3, first.get("waitedMinutes").asInt());
        assertEquals(4, board.get("waiting").get(2).get("waitedMinutes").asInt());
        assertTrue(board.get("asOf").asText().startsWith("2025-03-14T09:09"), board.get("asOf").asText());

        String called = api.post("/api/counters/5/next", "{}").body().get("number").asText();
        assertEquals(p1, called);
        JsonNode serving = api.get("/api/counters/5").body().get("serving");
        assertEquals(p1, serving.get("number").asText());
        assertEquals("called", serving.get("status").asText());
        api.post("/api/tickets/" + serving.get("id").asText() + "/complete", "");
        assertTrue(api.get("/api/counters/5").body().get("serving") == null
                || api.get("/api/counters/5").body().get("serving").isNull());
        assertEquals(404, api.get("/api/counters/99").status());
        assertEquals("unknown_counter", api.get("/api/counters/99").body().get("error").get("code").asText());
    }

    @Test
    void theDisplayBoardHasTheCentreTheLastFiveCallsAndTheWaitingPerService() throws Exception {
        api = kiosk.clock(clock).start("{}").api();
        JsonNode empty = api.get("/api/display").body();
        assertEquals("Trung tâm Phục vụ hành chính công Phường Bến Thành", empty.get("centre").get("vi").asText());
        assertEquals("Asia/Ho_Chi_Minh", empty.get("timeZone").asText());
        assertEquals(0, empty.get("latestCalls").size());

        List<String> called = new ArrayList<>();
        for (String counter : new String[] {"1", "2", "3", "4", "5", "1", "4"}) {
            String service = switch (counter) {
                case "1", "2" -> "civil-status";
                case "3" -> "certification";
                case "4" -> "land";
                default -> "social-allowance";
            };
            issue(service, null);
            clock.advance(Duration.ofSeconds(30));
            called.add(0, api.post("/api/counters/" + counter + "/next", "{}").body().get("number").asText());
        }
        issue("land", null);
        JsonNode board = api.get("/api/display").body();
        assertEquals(called.subList(0, 5), numbers(board.get("latestCalls")));
        JsonNode latest = board.get("latestCalls").get(0);
        assertEquals("4", latest.get("counterId").asText());
        assertEquals("Quầy 4", latest.get("counterName").get("vi").asText());
        assertTrue(latest.get("calledAt").asText().startsWith("2025-03-14T09:08:30"), latest.get("calledAt").asText());
        JsonNode land = null;
        for (JsonNode s : board.get("waiting")) {
            if (s.get("serviceId").asText().equals("land")) {
                land = s;
            }
        }
        assertEquals(10, board.get("waiting").size(), "every service, also those nobody waits for");
        assertEquals(1, land.get("waiting").asInt());
        assertEquals("E", land.get("prefix").asText());

        // a recall is a new call: it comes first again
        String recalledId = api.get("/api/counters/3").body().get("serving").get("id").asText();
        clock.advance(Duration.ofSeconds(30));
        api.post("/api/tickets/" + recalledId + "/recall", "");
        assertEquals(called.get(4), api.get("/api/display").body().get("latestCalls").get(0).get("number").asText());
    }

    @Test
    void onTheLanTheBoardsNeedAToken() throws Exception {
        api = kiosk.start("""
                http:
                  trustLocalhost: false
                  tokens: { robot: %s, counter: %s, tech: %s }
                """.formatted(ROBOT, COUNTER, TECH)).api();
        assertEquals(401, api.get("/api/display").status());
        assertEquals(401, api.get("/api/counters/3").status());
        for (String token : new String[] {ROBOT, COUNTER, TECH}) {
            assertEquals(200, api.get("/api/display", token).status(), "the display takes any role's token");
        }
        assertEquals(403, api.get("/api/counters/3", ROBOT).status(), "a counter's board is for staff");
        assertEquals(200, api.get("/api/counters/3", COUNTER).status());
        assertEquals(200, api.get("/api/counters/3", TECH).status());
    }

    private static List<String> numbers(JsonNode tickets) {
        List<String> out = new ArrayList<>();
        tickets.forEach(t -> out.add(t.get("number").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(t -> out.add(t.asText()));
        return out;
    }
}
