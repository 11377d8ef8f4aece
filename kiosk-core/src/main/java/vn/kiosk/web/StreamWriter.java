package vn.kiosk.web;

import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.EndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open event stream: a bounded queue and the only thread that writes to the client, so that
 * whoever publishes (an HTTP request, the printer, the scanner) never waits for a socket. A client
 * that falls {@link #CAPACITY} messages behind, or whose write has not moved for a while (see
 * {@link LiveEvents#STALL_MS}), is dropped: its connection is closed, and the page reconnects when
 * it can read again.
 */
final class StreamWriter {

    private static final Logger log = LoggerFactory.getLogger(StreamWriter.class);
    /** A page is told a few events a minute; this many waiting means the client stopped reading. */
    static final int CAPACITY = 128;
    private static final Frame END = new Frame(null, null);

    /** Data, or else a comment. */
    record Frame(String data, String comment) { }

    private final SseClient client;
    private final EndPoint connection;
    private final String who;
    private final Runnable release;
    private final long stallMs;
    private final BlockingQueue<Frame> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final Thread writer;
    private volatile long writingSince; // System.nanoTime() of the write in progress, 0 when none

    StreamWriter(SseClient client, EndPoint connection, String who, Runnable release, long stallMs) {
        this.client = client;
        this.connection = connection;
        this.who = who;
        this.release = release;
        this.stallMs = stallMs;
        // A platform thread: Javalin writes inside synchronized, which on Java 21 would pin a
        // virtual thread's carrier for as long as the client does not read.
        this.writer = Thread.ofPlatform().daemon().name("sse-writer-" + who).unstarted(this::drain);
    }

    void start() {
        writer.start();
    }

    /** Never blocks: a full queue drops the stream. */
    void offer(Frame f) {
        if (!dropped.get() && !queue.offer(f)) {
            drop("fell " + CAPACITY + " messages behind", f.data() != null ? 1 : 0);
        }
    }

    /** A heartbeat only when nothing is waiting (anything waiting will be written anyway); drops a stalled stream. */
    void beat() {
        if (queue.isEmpty()) {
            offer(new Frame(null, "keep-alive"));
        }
        long since = writingSince;
        if (since != 0 && System.nanoTime() - since > stallMs * 1_000_000) {
            drop("has not read for " + stallMs + " ms", 0);
        }
    }

    /** Ends the stream once what is queued has been written (shutdown). */
    void finish() {
        if (!queue.offer(END)) {
            abort();
        }
    }

    boolean finished(long timeoutMs) throws InterruptedException {
        writer.join(timeoutMs);
        return !writer.isAlive();
    }

    /** The stream was closed (by its writer, or by Javalin): a writer waiting for the next message ends. */
    void stop() {
        if (Thread.currentThread() != writer) {
            writer.interrupt();
        }
    }

    /** Closes the connection under a write that waits for the client: the write fails at once. */
    void abort() {
        connection.close();
        writer.interrupt();
    }

    private void drop(String why, int refused) {
        if (!dropped.compareAndSet(false, true)) {
            return;
        }
        release.run();
        List<Frame> unsent = new ArrayList<>();
        queue.drainTo(unsent);
        long missed = refused + unsent.stream().filter(f -> f.data() != null).count();
        log.info("dropped the event stream of {}: it {}; {} events not sent", who, why, missed);
        abort();
    }

    private void drain() {
        try {
            while (!client.terminated()) {
                Frame f = queue.take();
                if (f == END || dropped.get()) {
                    break;
                }
                writingSince = System.nanoTime();
                try {
                    if (f.data() != null) {
                        client.sendData(f.data());
                    } else {
                        client.sendComment(f.comment());
                    }
                } finally {
                    writingSince = 0;
                }
            }
        } catch (InterruptedException e) {
            // dropped, or closed while waiting
        } catch (RuntimeException e) {
            log.debug("event stream of {} failed", who, e);
        } finally {
            client.close();
        }
    }
}
