package vn.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.RawHttp;
import vn.kiosk.testing.RunningKiosk;

/** Clients that send their request a byte at a time must not take the HTTP threads from everyone else. */
class SlowClientsTest {

    private static final int SLOW_CLIENTS = 40;

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() throws IOException {
        trickle.shutdownNow();
        for (Socket s : sockets) {
            s.close();
        }
    }

    @Test
    void healthAnswersWhileFortyClientsTrickleTheirBodies() throws Exception {
        int port = kiosk.start("{}").port();
        long attackStart = System.nanoTime();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            Socket s = new Socket("127.0.0.1", port);
            s.setSoTimeout(15_000);
            s.getOutputStream().write(("POST /api/tickets HTTP/1.1\r\nHost: kiosk\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 40\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            sockets.add(s);
        }
        // one more byte on every connection every 2 s: never idle long enough for a plain idle timeout
        trickle.scheduleAtFixedRate(() -> sockets.forEach(s -> {
            try {
                s.getOutputStream().write(' ');
            } catch (IOException closedByTheKiosk) {
                // expected once the kiosk gives up on it
            }
        }), 2, 2, TimeUnit.SECONDS);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        AtomicLong worstMillis = new AtomicLong();
        Poll.never(Duration.ofSeconds(5), "/api/health to take over a second during the attack", () -> {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
            } catch (IOException e) {
                worstMillis.set(Math.max(worstMillis.get(), (System.nanoTime() - t0) / 1_000_000));
                return true;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            worstMillis.set(Math.max(worstMillis.get(), ms));
            return ms > 1_000;
        });
        System.out.println("slowest /api/health during the attack: " + worstMillis.get() + " ms");

        // every trickling request is answered with an error within the bound, not held for ever
        for (Socket s : sockets) {
            RawHttp.Answer a = RawHttp.read(s.getInputStream());
            assertEquals(408, a.status(), a.head() + a.body());
            assertTrue(a.body().contains("\"code\""), a.body());
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - attackStart);
        System.out.println("all " + SLOW_CLIENTS + " trickling requests were answered 408 within " + seconds + " s");
        assertTrue(seconds <= 9, "the slow requests were held " + seconds + " s");
    }
}
