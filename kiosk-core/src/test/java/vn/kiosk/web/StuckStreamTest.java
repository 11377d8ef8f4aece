package vn.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.testing.EventStream;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.RawHttp;
import vn.kiosk.testing.RunningKiosk;

/**
 * A client that opens the stream and stops reading (a frozen tab, a dead Wi-Fi link) must not hold
 * the threads that publish: the HTTP request that issued a ticket, the printer's, the scanner's.
 */
class StuckStreamTest {

    /** A big message of this test's own. */
    @JsonTypeName("bulk")
    private record Bulk(int seq, String pad) implements LiveMessage { }

    /** Big events fill the stuck client's socket buffers (a few MB on loopback) in about a hundred. */
    private static final String PAD = "x".repeat(64 * 1024);
    private static final int EVENTS = 400;
    /** The healthy client reads as fast as it can; publishing in batches keeps its backlog short. */
    private static final int BATCH = 16;
    /**
     * A publish serialises 64 KB here (a few ms on a busy 2-core machine, 0.1 ms warm); one that
     * waited for the stuck client took over 20 s (until Jetty gave up on the connection).
     */
    private static final long MAX_PUBLISH_MS = 200;

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private Javalin bare;
    private LiveEvents events;
    private int port;
    private Socket stuck;
    private Thread publisher;
    private final LongAdder totalNanos = new LongAdder();

    private void start(String yaml) throws Exception {
        port = kiosk.start(yaml).port();
        events = kiosk.liveEvents();
    }

    /** The stream alone on a server of its own, with a heartbeat and a stall limit short enough for a test. */
    private void startBare(int maxStreams, long heartbeatMs, long stallMs) {
        port = Ports.free();
        events = new LiveEvents(new ObjectMapper(), maxStreams, heartbeatMs, stallMs);
        bare = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = port;
            c.routes.get("/api/events", events::handle);
        }).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (publisher != null) {
            publisher.interrupt();
        }
        if (stuck != null) {
            stuck.close();
        }
        if (bare != null) {
            events.closeAll();
            bare.stop();
        }
    }

    @Test
    void aStuckClientDelaysNoPublisherAndAHealthyClientGetsEveryEventInOrder() throws Exception {
        start("{}");
        try (EventStream healthy = new EventStream(port)) {
            openStuckStream();
            AtomicLong worstNanos = new AtomicLong();
            AtomicLong lastStart = new AtomicLong();
            AtomicInteger published = publishInBackground(EVENTS, PAD, worstNanos, lastStart, healthy);
            try {
                Poll.until(Duration.ofSeconds(20), "all " + EVENTS + " publishes to return", () -> published.get() == EVENTS);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + ": publish #" + published.get() + " is blocked for "
                        + (System.nanoTime() - lastStart.get()) / 1_000_000 + " ms (on the stuck client?)", e);
            }
            System.out.printf("publish with a stuck client: mean %.3f ms, worst %.2f ms over %d events of %d KB%n",
                    totalNanos.sum() / 1e6 / EVENTS, worstNanos.get() / 1e6, EVENTS, PAD.length() / 1024);
            assertTrue(worstNanos.get() < MAX_PUBLISH_MS * 1_000_000, "a publish took "
                    + worstNanos.get() / 1_000_000 + " ms with a stuck client open");

            Poll.until(Duration.ofSeconds(10), "the healthy client to get all " + EVENTS + " events",
                    () -> bulk(healthy).size() == EVENTS);
            List<JsonNode> got = bulk(healthy);
            for (int i = 0; i < EVENTS; i++) {
                assertEquals(i, got.get(i).path("seq").asInt(), "event " + i + " out of order");
            }
        }
    }

    @Test
    void aStuckClientIsDroppedAndItsSlotFreedWithinSeconds() throws Exception {
        start("http: { maxEventStreams: 2 }\n");
        try (EventStream healthy = new EventStream(port)) {
            openStuckStream();
            assertEquals(503, RawHttp.exchange("127.0.0.1", port, eventsRequest(), false, true).status(),
                    "both slots are taken before the stuck client is dropped");
            String writer = "sse-writer-127.0.0.1:" + stuck.getLocalPort();
            assertTrue(threadNamed(writer), "no writer thread named " + writer);
            publishInBackground(EVENTS, PAD, new AtomicLong(), new AtomicLong(), healthy);
            long t0 = System.nanoTime();
            Poll.until(Duration.ofSeconds(5), "the stuck client's slot to be free for a new stream",
                    () -> RawHttp.exchange("127.0.0.1", port, eventsRequest(), false, true).status() == 200);
            System.out.printf("stuck stream's slot free after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            assertClosedByTheKiosk(stuck);
            Poll.until(Duration.ofSeconds(2), "the stuck stream's writer thread to end", () -> !threadNamed(writer));
        }
    }

    /**
     * A quiet site: a few events fill the stuck client's buffers, then nothing more comes, so its
     * queue never fills; the write that waits for it is what gets it dropped.
     */
    @Test
    void aStuckClientWithNoMoreEventsIsDroppedWhenItsWriteStalls() throws Exception {
        startBare(2, 100, 500);
        try (EventStream healthy = new EventStream(port)) {
            openStuckStream();
            String writer = "sse-writer-127.0.0.1:" + stuck.getLocalPort();
            assertTrue(threadNamed(writer), "no writer thread named " + writer);
            // 25 MB: far beyond the socket buffers (4 MB here), far below the queue's 128 events
            AtomicInteger published = publishInBackground(100, PAD.repeat(4), new AtomicLong(), new AtomicLong(), healthy);
            Poll.until(Duration.ofSeconds(5), "100 publishes to return", () -> published.get() == 100);
            long t0 = System.nanoTime();
            Poll.until(Duration.ofSeconds(5), "the stalled stream's slot to be free for a new stream",
                    () -> RawHttp.exchange("127.0.0.1", port, eventsRequest(), false, true).status() == 200);
            System.out.printf("stalled stream's slot free %d ms after the last publish%n", (System.nanoTime() - t0) / 1_000_000);
            Poll.until(Duration.ofSeconds(2), "the stalled stream's writer thread to end", () -> !threadNamed(writer));
            Poll.until(Duration.ofSeconds(10), "the healthy client to get all 100 events", () -> bulk(healthy).size() == 100);
        }
    }

    /** Opens GET /api/events on a socket with a small receive buffer that reads the opening comment, then nothing. */
    private void openStuckStream() throws IOException {
        stuck = new Socket();
        stuck.setReceiveBufferSize(4 * 1024);
        stuck.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        stuck.setSoTimeout(5_000);
        stuck.getOutputStream().write(eventsRequest().getBytes(StandardCharsets.US_ASCII));
        InputStream in = stuck.getInputStream();
        StringBuilder seen = new StringBuilder();
        int b;
        while (seen.indexOf("connected\n") < 0 && (b = in.read()) >= 0) {
            seen.append((char) b);
        }
        assertTrue(seen.indexOf("connected\n") >= 0, "the stuck client's stream did not open: " + seen);
    }

    private static String eventsRequest() {
        return "GET /api/events HTTP/1.1\r\nHost: kiosk\r\nAccept: text/event-stream\r\n\r\n";
    }

    /**
     * Publishes big events from a thread of its own (so that a blocked publish fails
     * the test at a deadline instead of hanging it), waiting for the healthy client after each batch.
     */
    private AtomicInteger publishInBackground(int count, String pad, AtomicLong worstNanos, AtomicLong lastStart,
                                              EventStream healthy) {
        AtomicInteger published = new AtomicInteger();
        totalNanos.reset();
        publisher = Thread.ofPlatform().daemon().name("test-publisher").start(() -> {
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                lastStart.set(t0);
                events.send(new Bulk(i, pad));
                long took = System.nanoTime() - t0;
                worstNanos.accumulateAndGet(took, Math::max);
                totalNanos.add(took);
                published.incrementAndGet();
                if ((i + 1) % BATCH == 0) {
                    int sent = i + 1;
                    try {
                        Poll.until(Duration.ofSeconds(10), "the healthy client to catch up", () -> bulk(healthy).size() >= sent);
                    } catch (AssertionError e) {
                        return; // the test's own deadline reports it
                    }
                }
            }
        });
        return published;
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name));
    }

    private static List<JsonNode> bulk(EventStream s) {
        return s.events().stream().filter(e -> "bulk".equals(e.path("type").asText())).toList();
    }

    /** What the kiosk had sent is still in the buffers; after it, the end of the stream (or a reset). */
    private static void assertClosedByTheKiosk(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] buf = new byte[64 * 1024];
        try {
            while (in.read(buf) >= 0) {
                // drain
            }
        } catch (java.net.SocketException reset) {
            // a reset is a close too
        }
    }
}
