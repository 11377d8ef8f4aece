package vn.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.RawHttp;

/**
 * What a broken client or a robot sends over a raw socket gets the JSON error body with a 4xx,
 * and at most one log line: never Jetty's HTML page, never a 500 with a stack trace.
 */
class MalformedRequestsTest {

    private static final String HOST = "Host: kiosk\r\n";

    @TempDir
    static Path dir;
    private static KioskProcess kiosk;
    private static int port;

    @BeforeAll
    static void start() {
        port = Ports.free();
        kiosk = KioskProcess.start(dir, port, Map.of("KIOSK_DATA_DIR", dir.resolve("data").toString()), "demo")
                .awaitReady(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void aTruncatedBodyIsA400WithOneLogLineAtMost() {
        int before = logLines();
        RawHttp.Answer a = RawHttp.exchange("127.0.0.1", port, "POST /api/tickets HTTP/1.1\r\n" + HOST
                + "Content-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"serviceId\"", true);
        expectJsonError(a, 400);
        assertAtMostOneLogLineSince(before);
    }

    @Test
    void aMalformedChunkIsA400WithOneLogLineAtMost() {
        int before = logLines();
        RawHttp.Answer a = RawHttp.exchange(port, "POST /api/tickets HTTP/1.1\r\n" + HOST
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5\r\n{\"ser\r\nzz\r\nviceId\r\n0\r\n\r\n");
        expectJsonError(a, 400);
        assertAtMostOneLogLineSince(before);
    }

    @Test
    void badPathsGetTheJsonErrorBody() {
        for (String path : new String[] {"/api/%00", "/api/tickets/%ZZ", "/api/tickets/%C0%AF", "/api/%2e%2e/x",
                "/api/health;jsessionid=1", "/api/tickets/a;b", "/%FF%FE"}) {
            int before = logLines();
            RawHttp.Answer a = RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n");
            assertTrue(a.status() >= 400 && a.status() < 500, path + " -> " + a.status() + " " + a.body());
            expectJsonError(a, a.status());
            assertAtMostOneLogLineSince(before);
        }
    }

    @Test
    void anOverlongUriIsA414AndOversizedHeadersA431InJson() {
        expectJsonError(answered("GET /api/" + "a".repeat(20_000) + " HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n"), 414);
        expectJsonError(answered("GET /api/health HTTP/1.1\r\n" + HOST + "X-Junk: " + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"), 431);
    }

    /**
     * The answer to an oversized request. Once in a full run (none in 4,000 tries alone) the
     * connection closed with no byte of an answer, 20 ms after the request; the cause is not known.
     * A connection closed before any answer is asked once more; any answer is checked as it is.
     */
    private static RawHttp.Answer answered(String request) {
        try {
            return RawHttp.exchange(port, request);
        } catch (java.io.UncheckedIOException e) {
            if (!String.valueOf(e.getMessage()).endsWith("got: ")) {
                throw e;
            }
            System.out.println("closed without an answer, asked again: " + e.getMessage());
            return RawHttp.exchange(port, request);
        }
    }

    private static void expectJsonError(RawHttp.Answer a, int status) {
        assertEquals(status, a.status(), a.head() + a.body());
        assertTrue(String.valueOf(a.header("Content-Type")).contains("application/json"), a.head() + a.body());
        JsonNode error = a.json().get("error");
        assertTrue(error != null && !error.path("code").asText().isBlank() && !error.path("message").asText().isBlank(),
                "an error body with code and message: " + a.body());
        assertFalse(a.body().contains("org.eclipse") || a.body().contains("vn.kiosk"), "no class names: " + a.body());
    }

    private static int logLines() {
        return (kiosk.stdout() + kiosk.stderr()).split("\n", -1).length;
    }

    /** Lines the HTTP threads logged, and stack frames; not the JVM's or the broker's start-up chatter. */
    private static void assertAtMostOneLogLineSince(int before) {
        String[] lines = (kiosk.stdout() + kiosk.stderr()).split("\n", -1);
        StringBuilder added = new StringBuilder();
        int count = 0;
        for (int i = Math.max(0, before - 1); i < lines.length; i++) {
            String l = lines[i];
            if (l.contains("[http") || l.startsWith("\tat ") || l.startsWith("Caused by") || l.contains("Exception")) {
                count++;
                added.append(l).append('\n');
            }
        }
        assertTrue(count <= 1, count + " log lines for one bad request:\n" + added);
    }
}
