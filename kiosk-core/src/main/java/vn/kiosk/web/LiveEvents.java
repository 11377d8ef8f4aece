package vn.kiosk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.devices.DeviceStateChanged;
import vn.kiosk.drinks.PourProgressed;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.maintenance.MaintenanceChanged;
import vn.kiosk.problem.Problem;
import vn.kiosk.queue.TicketChanged;
import vn.kiosk.scanning.CodeScanned;
import vn.kiosk.web.LiveMessage.DeviceMessage;
import vn.kiosk.web.LiveMessage.DrinkMessage;
import vn.kiosk.web.LiveMessage.MaintenanceMessage;
import vn.kiosk.web.LiveMessage.ScanMessage;
import vn.kiosk.web.LiveMessage.TicketMessage;

/**
 * Server-Sent Events at GET /api/events for the touchscreen, counter and waiting-room pages: each
 * message's data is one {@link LiveMessage} (scan, ticket, device, maintenance, drink), made from
 * the kiosk event it subscribes to. Sending only queues: each stream has its own writer
 * ({@link StreamWriter}), so the publisher of an event never waits for a client.
 */
public final class LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
    /**
     * A stream whose client went away is only noticed when a write to it fails; without this
     * comment that is the next event, possibly hours later, and each such stream holds a socket.
     * The same tick drops a stream whose write has stalled.
     */
    static final long HEARTBEAT_MS = 2_000;
    /** A heartbeat is 15 bytes: a write that has not gone out in this long will not. */
    static final long STALL_MS = 10_000;
    private static final String EVENT_STREAM = "text/event-stream";
    /** Within the 5 s a SIGTERM has: how long the streams get to send what they have queued. */
    private static final long CLOSE_WAIT_MS = 300;

    private final ObjectMapper json;
    private final int maxStreams;
    private final long stallMs;
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closed;
    private final Set<StreamWriter> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sse-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /** Subscribes to what the pages are told, each event as its message. */
    public LiveEvents(ObjectMapper json, int maxStreams, KioskEvents events) {
        this(json, maxStreams, HEARTBEAT_MS, STALL_MS);
        events.subscribe(TicketChanged.class, e -> send(TicketMessage.of(e.ticket())));
        events.subscribe(DeviceStateChanged.class, e -> send(new DeviceMessage(e.device(), e.now().state(), e.now().ok())));
        events.subscribe(MaintenanceChanged.class, e -> send(new MaintenanceMessage(e.on())));
        events.subscribe(PourProgressed.class, e -> send(new DrinkMessage(e.pour())));
        events.subscribe(CodeScanned.class, e -> send(ScanMessage.of(e)));
    }

    /** Subscribed to nothing, with shorter times: for tests, which {@link #send} their own messages. */
    LiveEvents(ObjectMapper json, int maxStreams, long heartbeatMs, long stallMs) {
        this.json = json;
        this.maxStreams = maxStreams;
        this.stallMs = stallMs;
        heartbeat.scheduleWithFixedDelay(this::beat, heartbeatMs, heartbeatMs, TimeUnit.MILLISECONDS);
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
        EndPoint connection = ServletContextRequest.getServletContextRequest(client.ctx().req()).getServletChannel()
                .getEndPoint();
        String who = client.ctx().req().getRemoteAddr() + ":" + client.ctx().req().getRemotePort();
        StreamWriter stream = new StreamWriter(client, connection, who, release, stallMs);
        client.onClose(() -> {
            streams.remove(stream);
            release.run();
            stream.stop();
        });
        stream.offer(new StreamWriter.Frame(null, "connected"));
        streams.add(stream);
        stream.start();
        if (closed) { // opened while closeAll ran
            stream.finish();
        }
    }

    /** Serialises the message once and queues it for every stream; never waits for a client. */
    void send(LiveMessage message) {
        String data;
        try {
            data = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            log.warn("message not serialisable: {}", message.getClass().getSimpleName(), e);
            return;
        }
        StreamWriter.Frame frame = new StreamWriter.Frame(data, null);
        for (StreamWriter s : streams) {
            s.offer(frame);
        }
    }

    private void beat() {
        for (StreamWriter s : streams) {
            s.beat();
        }
    }

    /**
     * Ends every stream (shutdown): open streams would otherwise hold the server's stop. Each writer
     * sends what it has queued and ends its stream; one whose client does not read is cut off.
     */
    void closeAll() {
        closed = true;
        heartbeat.shutdownNow();
        List<StreamWriter> all = List.copyOf(streams);
        all.forEach(StreamWriter::finish);
        long deadline = System.nanoTime() + CLOSE_WAIT_MS * 1_000_000;
        for (StreamWriter s : all) {
            try {
                if (!s.finished(Math.max(1, (deadline - System.nanoTime()) / 1_000_000))) {
                    s.abort();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                s.abort();
            }
        }
        streams.clear();
    }
}
