package vn.kiosk.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.fleet.messages.FleetEvent;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.storage.Database;

/**
 * Drains the outbox to {@code events} in seq order, QoS 1. An event is marked sent only after the
 * broker's PUBACK, and only as part of an unbroken run from the oldest unsent one: after a failure
 * everything from the first unacknowledged event is sent again, so the fleet gets every event at
 * least once and in order (it drops duplicates by id or seq). At most {@link #WINDOW} events are
 * in flight, which leaves Paho room for command replies and telemetry during a long replay.
 * Also keeps the backlog within its bounds and deletes acknowledged events after a day.
 */
public final class EventPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);
    static final int WINDOW = 100;
    private static final Duration KEEP_SENT = Duration.ofDays(1);
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(10);

    private final Database db;
    private final Outbox outbox;
    private final MqttConnection connection;
    private final Topics topics;
    private final ObjectMapper json;
    private final Clock clock;
    private final long maxEvents;
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread;
    private volatile boolean closed;
    private boolean signalled;
    private Instant nextHousekeeping = Instant.EPOCH;

    public EventPublisher(Database db, Outbox outbox, MqttConnection connection, Topics topics, ObjectMapper json,
                          Clock clock, long maxEvents, long maxBytes) {
        this.db = db;
        this.outbox = outbox;
        this.connection = connection;
        this.topics = topics;
        this.json = json;
        this.clock = clock;
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.thread = new Thread(this::run, "mqtt-events");
        thread.setDaemon(true);
        outbox.onAppend(this::wake);
        connection.onState(this::wake);
    }

    public EventPublisher start() {
        thread.start();
        return this;
    }

    /** Something new to send, or the connection came back. */
    public void wake() {
        lock.lock();
        try {
            signalled = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!closed) {
            try {
                housekeeping();
                if (!connection.isConnected() || !publishBatch()) {
                    await(1_000);
                }
            } catch (RuntimeException e) {
                log.warn("publishing events failed; retrying", e);
                await(1_000);
            }
        }
    }

    /** Sends the oldest unsent events; false when there was nothing to send or the batch broke off. */
    private boolean publishBatch() {
        List<Outbox.Event> batch = db.read(c -> Outbox.unsent(c, WINDOW));
        if (batch.isEmpty()) {
            return false;
        }
        List<IMqttDeliveryToken> tokens = new ArrayList<>(batch.size());
        try {
            for (Outbox.Event e : batch) {
                tokens.add(connection.publish(topics.events(), payload(e), 1, false));
            }
        } catch (MqttException e) {
            log.debug("publish stopped after {} of {} events: {}", tokens.size(), batch.size(), e.getMessage());
        }
        long lastAcked = -1;
        for (int i = 0; i < tokens.size(); i++) {
            try {
                tokens.get(i).waitForCompletion(30_000);
                lastAcked = batch.get(i).seq();
            } catch (MqttException e) {
                log.debug("no PUBACK for event seq {}: {}", batch.get(i).seq(), e.getMessage());
                break;
            }
        }
        if (lastAcked >= 0) {
            long through = lastAcked;
            db.inTransaction(c -> {
                Outbox.markSentThrough(c, through, clock.instant());
                return null;
            });
        }
        return lastAcked >= 0 && tokens.size() == batch.size();
    }

    private byte[] payload(Outbox.Event e) {
        try {
            return json.writeValueAsBytes(new FleetEvent(e.id(), e.seq(), e.type(), Instant.ofEpochMilli(e.ts()), e.data()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void housekeeping() {
        Instant now = clock.instant();
        if (now.isBefore(nextHousekeeping)) {
            return;
        }
        nextHousekeeping = now.plus(HOUSEKEEPING);
        long dropped = db.inTransaction(c -> {
            Outbox.pruneSent(c, now.minus(KEEP_SENT));
            return outbox.enforceBounds(c, maxEvents, maxBytes, now);
        });
        if (dropped > 0) {
            log.warn("event backlog over its bound: dropped the {} oldest unsent events", dropped);
        }
    }

    private void await(long millis) {
        lock.lock();
        try {
            if (!signalled && !closed) {
                wake.await(millis, TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Stops within about half a second: a batch still waiting for PUBACKs is given up (it stays unsent). */
    @Override
    public void close() {
        closed = true;
        wake();
        try {
            thread.join(300);
            if (thread.isAlive()) {
                thread.interrupt(); // ends a wait for PUBACKs from a broker that stopped answering
                thread.join(300);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
