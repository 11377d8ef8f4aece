package vn.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.EventStream;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.RawHttp;
import vn.kiosk.testing.RunningKiosk;

/** GET /api/events: who may open it, what a plain GET gets, and how many may be open at once. */
class LiveEventsTest {

    private static final String ROBOT = "robot-token-0123456789";
    private static final String COUNTER = "counter-token-0123456789";
    private static final String TECH = "tech-token-0123456789ab";
    private static final String EVENTS_REQUEST = "GET /api/events HTTP/1.1\r\nHost: kiosk\r\nAccept: text/event-stream\r\n";

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private int port;

    private void start(String yaml) throws Exception {
        port = kiosk.start(yaml).port();
    }

    @Test
    void aPlainGetIsA406ThatNamesTheHeaderToSend() throws Exception {
        start("{}");
        Api.Response r = new Api(port).get("/api/events");
        assertEquals(406, r.status(), r.text());
        assertEquals("not_acceptable", r.body().get("error").get("code").asText());
        assertTrue(r.body().get("error").get("message").asText().contains("Accept: text/event-stream"), r.text());
    }

    /**
     * Bound to the LAN with tokens: the stream needs a token of any role. The requests go over
     * loopback with {@code trustLocalhost: false}, which puts them through the same check a LAN
     * client's go through (tests send nothing to any address outside the loopback range).
     */
    @Test
    void onTheLanTheStreamNeedsATokenOfAnyRole() throws Exception {
        start("""
                http:
                  bind: 0.0.0.0
                  trustLocalhost: false
                  tokens: { robot: %s, counter: %s, tech: %s }
                """.formatted(ROBOT, COUNTER, TECH));
        RawHttp.Answer anonymous = RawHttp.exchange("127.0.0.1", port, EVENTS_REQUEST + "Connection: close\r\n\r\n", false);
        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals("unauthorized", anonymous.json().get("error").get("code").asText());
        RawHttp.Answer wrong = RawHttp.exchange("127.0.0.1", port, EVENTS_REQUEST
                + "Authorization: Bearer not-a-token-0000000\r\nConnection: close\r\n\r\n", false);
        assertEquals(401, wrong.status(), wrong.body());

        for (String token : new String[] {ROBOT, COUNTER, TECH}) {
            try (EventStream s = new EventStream("127.0.0.1", port, token)) {
                new Api(port).post("/api/tickets", "{\"serviceId\": \"land\"}", COUNTER);
                s.await("a ticket event with the " + token + " token", e -> "ticket".equals(e.path("type").asText()));
            }
        }
    }

    /** The touchscreen on the device itself needs no token while http.trustLocalhost holds, even bound to the LAN. */
    @Test
    void onTheLanTheDevicesOwnTouchscreenStillNeedsNoToken() throws Exception {
        start("""
                http:
                  bind: 0.0.0.0
                  tokens: { robot: %s, counter: %s, tech: %s }
                """.formatted(ROBOT, COUNTER, TECH));
        try (EventStream local = new EventStream(port)) {
            new Api(port).post("/api/tickets", "{\"serviceId\": \"land\"}");
            local.await("a ticket event on the local stream", e -> "ticket".equals(e.path("type").asText()));
        }
    }

    @Test
    void openStreamsAreCappedWithA503UntilOneCloses() throws Exception {
        start("http: { maxEventStreams: 2 }\n");
        EventStream first = new EventStream(port);
        try (EventStream second = new EventStream(port)) {
            RawHttp.Answer full = RawHttp.exchange(port, EVENTS_REQUEST + "Connection: close\r\n\r\n");
            assertEquals(503, full.status(), full.body());
            assertEquals("too_many_streams", full.json().get("error").get("code").asText());
            assertTrue(full.json().get("error").get("message").asText().contains("2"), full.body());
            first.close();
            Poll.until(Duration.ofSeconds(10), "a stream slot to be free again once a client closed its stream",
                    () -> {
                        RawHttp.Answer a = RawHttp.exchange("127.0.0.1", port, EVENTS_REQUEST + "\r\n", false, true);
                        return a.status() == 200;
                    });
        }
    }
}
