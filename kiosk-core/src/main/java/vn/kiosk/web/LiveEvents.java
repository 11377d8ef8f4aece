package vn.kiosk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.problem.Problem;

/**
 * Server-Sent Events at GET /api/events for the touchscreen, counter and waiting-room pages: each
 * message's data is one JSON object with a {@code type} (scan, ticket, device, maintenance).
 */
public final class LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
    /**
     * A stream whose client went away is only noticed when a write to it fails; without this
     * comment that is the next event, possibly hours later, and each such stream holds a socket.
     */
    static final long HEARTBEAT_MS = 2_000;
    private static final String EVENT_STREAM = "text/event-stream";

    private final ObjectMapper json;
    private final int maxStreams;
    private final AtomicInteger open = new AtomicInteger();
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sse-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public LiveEvents(ObjectMapper json, int maxStreams) {
        this.json = json;
        this.maxStreams = maxStreams;
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_MS, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
    }

    /** GET /api/events: a stream for those who ask for one, while there is room for it. */
    void handle(Context ctx) throws Exception {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            throw new Problem(406, "not_acceptable", "GET /api/events is a Server-Sent Events stream: send the header"
                    + " 'Accept: text/event-stream' (a browser's EventSource does)");
        }
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw new Problem(503, "too_many_streams", "already " + maxStreams + " event streams are open"
                    + " (http.maxEventStreams); close one or try again in a few seconds");
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
            }
        };
        try {
            new SseHandler(client -> connect(client, release)).handle(ctx);
        } catch (Exception | Error e) {
            release.run();
            throw e;
        }
    }

    private void connect(SseClient client, Runnable release) {
        client.keepAlive();
        client.onClose(() -> {
            clients.remove(client);
            release.run();
        });
        clients.add(client);
        send(client, null, "connected");
    }

    public void publish(Map<String, ?> event) {
        String data;
        try {
            data = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            log.warn("event not serialisable: {}", event.get("type"), e);
            return;
        }
        for (SseClient c : clients) {
            send(c, data, null);
        }
    }

    private void beat() {
        for (SseClient c : clients) {
            send(c, null, "keep-alive");
        }
    }

    /** Data, or else the comment. One writer at a time per stream: heartbeats and events come from several threads. */
    private void send(SseClient c, String data, String comment) {
        synchronized (c) {
            if (c.terminated()) {
                clients.remove(c);
                return;
            }
            try {
                if (data == null) {
                    c.sendComment(comment);
                } else {
                    c.sendData(data);
                }
            } catch (RuntimeException e) {
                c.close();
            }
        }
    }

    /** Ends every stream (shutdown): open streams would otherwise hold the server's stop. */
    void closeAll() {
        heartbeat.shutdownNow();
        for (SseClient c : clients) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        clients.clear();
    }
}
