package vn.kiosk.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.RunningKiosk;

/**
 * Robots and other callers get their ticket with the print outcome, as always; a caller that shows
 * the number itself (the touchscreen) asks with {@code "waitForPrint": false} and gets it at once.
 */
class TicketWithoutWaitingForPaperTest {

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();

    @Test
    void aCallerThatDoesNotWaitGetsTheNumberAtOnceAndThePaperFollows() throws Exception {
        kiosk.start("printing: { waitMillis: 3000 }\n");
        Api api = kiosk.api();
        kiosk.sim().printerCable().setPrintMillis(800);

        long t0 = System.nanoTime();
        Api.Response robot = api.post("/api/tickets", "{\"serviceId\": \"land\", \"channel\": \"robot\"}");
        long robotMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(201, robot.status(), robot.text());
        assertEquals("printed", robot.body().get("printState").asText(), "a robot still waits for the paper");
        assertTrue(robotMillis >= 800, "the robot's answer came after the print: " + robotMillis + " ms");

        t0 = System.nanoTime();
        Api.Response screen = api.post("/api/tickets", "{\"serviceId\": \"land\", \"waitForPrint\": false}");
        long screenMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(201, screen.status(), screen.text());
        JsonNode ticket = screen.body();
        assertEquals("pending", ticket.get("printState").asText());
        assertEquals("E002", ticket.get("number").asText());
        assertTrue(screenMillis < 500, "answered without the paper in " + screenMillis + " ms");
        String id = ticket.get("id").asText();
        Poll.until(Duration.ofSeconds(5), "the paper's outcome", () ->
                "printed".equals(api.get("/api/tickets/" + id).body().get("printState").asText()));
        assertEquals(2, kiosk.sim().paper().pageCount());
    }

    @Test
    void waitForPrintIsTrueOrFalse() throws Exception {
        kiosk.start("{}");
        Api.Response r = kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\", \"waitForPrint\": \"no\"}");
        assertEquals(400, r.status(), r.text());
        assertTrue(r.text().contains("waitForPrint"), r.text());
        assertEquals(201, kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\", \"waitForPrint\": true}").status());
    }
}
