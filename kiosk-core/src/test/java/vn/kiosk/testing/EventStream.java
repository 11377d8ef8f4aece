package vn.kiosk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import vn.kiosk.hw.testing.Poll;

/** A browser's EventSource in tests: reads GET /api/events and keeps every message's JSON. */
public final class EventStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final CompletableFuture<?> stream;
    /** Reads the stream: never the constructor's thread, or the caller would read it forever. */
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "event-stream-reader");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean connected;

    public EventStream(int port) {
        this("127.0.0.1", port, null);
    }

    /** A stream from {@code host} with a bearer token (null for none), as a page on the LAN opens it. */
    public EventStream(String host, int port, String token) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/events"))
                .header("Accept", "text/event-stream");
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        // thenAccept would run the endless read on this thread when the answer is already in
        stream = client.sendAsync(req.build(), HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> r.body().forEach(line -> {
            if (line.startsWith(":")) {
                connected = true;
            } else if (line.startsWith("data:")) {
                try {
                    events.add(JSON.readTree(line.substring(5).strip()));
                    arrivals.add(System.nanoTime());
                } catch (Exception e) {
                    throw new AssertionError("an SSE message is not JSON: " + line);
                }
            }
        }), reader);
        Poll.until(Duration.ofSeconds(10), "the event stream to open", () -> connected);
    }

    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** When (System.nanoTime) the i-th event arrived. */
    public long arrival(int i) {
        return arrivals.get(i);
    }

    public JsonNode await(String what, Predicate<JsonNode> match) {
        JsonNode[] found = new JsonNode[1];
        Poll.until(Duration.ofSeconds(10), what, () -> {
            for (JsonNode e : events) {
                if (match.test(e)) {
                    found[0] = e;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Override
    public void close() {
        stream.cancel(true);
        reader.shutdownNow();
    }
}
