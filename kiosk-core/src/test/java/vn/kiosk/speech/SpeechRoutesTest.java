package vn.kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.testing.RunningKiosk;

/**
 * Spoken guidance made on the kiosk, for a browser without a Vietnamese voice: by phrase key (a
 * screen's guidance, a ticket's number and counter), never arbitrary text.
 */
class SpeechRoutesTest {

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng")), "needs Debian's espeak-ng");
        kiosk.start("{}");
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(kiosk.base() + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aTicketsNumberAndCounterAsAWav() throws Exception {
        String id = kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\"}").body().get("id").asText();
        HttpResponse<byte[]> r = get("/api/speech/ticket/" + id);
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertEquals("audio/wav", r.headers().firstValue("Content-Type").orElse(""));
        Wav.assertComplete(r.body());
        assertTrue(r.body().length > 50_000, "the number and the counter take a few seconds: " + r.body().length + " bytes");
        long t0 = System.nanoTime();
        HttpResponse<byte[]> again = get("/api/speech/ticket/" + id);
        assertEquals(200, again.statusCode());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 100, "the second time comes from the cache");
        assertEquals(r.body().length, again.body().length);
        Wav.assertComplete(get("/api/speech/ticket/" + id + "?lang=en").body());
    }

    @Test
    void theWaitingRoomsCallOfACalledTicket() throws Exception {
        String id = kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\"}").body().get("id").asText();
        assertEquals(409, get("/api/speech/call/" + id).statusCode(), "a ticket not called yet has no call to say");
        kiosk.api().post("/api/counters/4/next", "{}");
        HttpResponse<byte[]> r = get("/api/speech/call/" + id);
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertEquals("audio/wav", r.headers().firstValue("Content-Type").orElse(""));
        Wav.assertComplete(r.body());
        assertTrue(r.body().length > 30_000, "the number and the counter take a few seconds: " + r.body().length + " bytes");
        assertEquals(404, get("/api/speech/call/no-such-ticket").statusCode());
    }

    @Test
    void eachScreensGuidance() throws Exception {
        for (String screen : new String[] {"home", "confirm", "ticket", "drink", "drink-confirm", "drink-pour", "status"}) {
            HttpResponse<byte[]> r = get("/api/speech/guide/" + screen);
            assertEquals(200, r.statusCode(), screen + ": " + new String(r.body()));
            Wav.assertComplete(r.body());
        }
    }

    @Test
    void onlyKnownPhrasesAreSpoken() throws Exception {
        assertEquals(404, get("/api/speech/guide/anything-you-like").statusCode());
        assertEquals(404, get("/api/speech/ticket/no-such-ticket").statusCode());
        assertEquals(400, get("/api/speech/guide/home?lang=fr").statusCode());
        assertEquals(404, get("/api/speech?text=hello").statusCode());
    }
}
