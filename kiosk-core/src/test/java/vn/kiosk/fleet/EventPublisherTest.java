package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.json.Json;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.storage.Database;

/**
 * The outbox publisher against a broker session the test acknowledges by hand, on a real SQLite
 * file. The case that broke: the publisher sent 100 events, then waited for all 100 PUBACKs and a
 * commit before reading the next 100, so a 10,000-event replay took 6-10x a plain client's time.
 */
class EventPublisherTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int EVENTS = 250;

    @TempDir
    Path dir;

    private final ObjectMapper json = Json.newMapper();
    private final HandAckedSink sink = new HandAckedSink();
    private Database db;
    private EventPublisher publisher;

    record Numbered(int n) { }

    @BeforeEach
    void fill() throws Exception {
        db = Database.open(dir.resolve("kiosk.db"));
        Outbox outbox = new Outbox(json);
        for (int i = 1; i <= EVENTS; i++) {
            outbox.record(db, "test.numbered", Instant.now(), new Numbered(i));
        }
        publisher = new EventPublisher(db, outbox, sink, json, Clock.systemUTC(), 100_000, 100_000_000).start();
    }

    @AfterEach
    void close() {
        publisher.close();
        db.close();
    }

    @Test
    void eachAcknowledgementLetsTheNextEventGoWithoutWaitingForTheRest() {
        Poll.until(WAIT, "a full window in flight", () -> sink.sentCount() == EventPublisher.WINDOW);
        sink.ack(1);
        Poll.until(WAIT, "event 101 sent after event 1 was acknowledged", () -> sink.sentCount() == EventPublisher.WINDOW + 1);
        assertEquals(101, sink.seqOf(EventPublisher.WINDOW));
        for (long seq = 2; seq <= EVENTS; seq++) {
            long s = seq;
            Poll.until(WAIT, "event " + s + " sent", () -> sink.sentCount() >= s);
            sink.ack(s);
        }
        Poll.until(WAIT, "every event marked sent", () -> unsent() == 0);
        assertEquals(EVENTS, sink.sentCount(), "each event once");
        assertTrue(sink.maxInFlight() <= EventPublisher.WINDOW, "at most a window in flight: " + sink.maxInFlight());
    }

    @Test
    void onlyAnUnbrokenRunFromTheOldestIsMarkedSent() {
        Poll.until(WAIT, "a full window in flight", () -> sink.sentCount() == EventPublisher.WINDOW);
        for (long seq = 12; seq <= 50; seq++) {
            sink.ack(seq);
        }
        for (long seq = 1; seq <= 10; seq++) {
            sink.ack(seq);
        }
        Poll.until(WAIT, "events 1 to 10 marked sent", () -> unsent() == EVENTS - 10);
        assertEquals(EVENTS - 10, unsent(), "11 has no PUBACK yet, so 12 to 50 stay unsent");
        sink.ack(11);
        Poll.until(WAIT, "events 1 to 50 marked sent", () -> unsent() == EVENTS - 50);
    }

    @Test
    void aFailedPublishSendsEverythingAgainFromTheFirstUnacknowledgedEventInOrder() {
        Poll.until(WAIT, "a full window in flight", () -> sink.sentCount() == EventPublisher.WINDOW);
        for (long seq = 1; seq <= 30; seq++) {
            sink.ack(seq);
        }
        sink.fail(31); // meanwhile 101 to 130 went out, as 1 to 30 made room
        // The rest of the first run is acknowledged after the failure (sent again all the same: at
        // least once, in order), also a send already under way when 31 failed: the second run waits
        // for every outcome of the first.
        Poll.until(WAIT, "event 31 sent again", () -> {
            sink.ackFirstSends();
            return sink.lastSendOf(31) > sink.seqs().indexOf(31L);
        });
        int firstRun = sink.lastSendOf(31);
        assertEquals(firstRun, sink.seqs().subList(0, firstRun).stream().distinct().count(),
                "the second run starts at the first unacknowledged event, after the whole first run");
        for (long seq = 31; seq <= EVENTS; seq++) {
            long s = seq;
            Poll.until(WAIT, "event " + s + " sent again", () -> sink.lastSendOf(s) >= firstRun);
            sink.ackLast(s);
        }
        Poll.until(WAIT, "every event marked sent", () -> unsent() == 0);
        List<Long> second = sink.seqs().subList(firstRun, sink.sentCount());
        for (int i = 0; i < second.size(); i++) {
            assertEquals(31 + i, second.get(i), "the second run in seq order");
        }
        assertEquals(EVENTS - 30, second.size(), "each event once in the second run");
    }

    @Test
    void nothingGoesOutWhileTheSessionIsDownAndAClosedPublisherLeavesItsWindowUnsent() {
        sink.connected = false;
        publisher.wake();
        // the publisher stays idle while disconnected: a connect starts it, a close leaves what it sent unmarked
        sink.connected = true;
        publisher.wake();
        Poll.until(WAIT, "a full window in flight", () -> sink.sentCount() == EventPublisher.WINDOW);
        long t0 = System.nanoTime();
        publisher.close();
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "close does not wait for PUBACKs that never come");
        assertEquals(EVENTS, unsent(), "no PUBACK, nothing marked sent");
    }

    private long unsent() {
        return db.read(c -> Outbox.backlog(c).events());
    }

    /** A broker session whose PUBACKs the test gives; it also checks the window's bound on every send. */
    final class HandAckedSink implements EventPublisher.EventSink {

        volatile boolean connected = true;
        private final List<Long> seqs = new ArrayList<>();
        private final List<CompletableFuture<Void>> acks = new ArrayList<>();
        private int maxInFlight;

        @Override
        public boolean isConnected() {
            return connected;
        }

        @Override
        public synchronized CompletableFuture<Void> send(byte[] payload) throws MqttException {
            if (!connected) {
                throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
            }
            long seq;
            try {
                seq = json.readTree(payload).get("seq").asLong();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            CompletableFuture<Void> ack = new CompletableFuture<>();
            seqs.add(seq);
            acks.add(ack);
            maxInFlight = Math.max(maxInFlight, (int) acks.stream().filter(a -> !a.isDone()).count());
            return ack;
        }

        synchronized int sentCount() {
            return seqs.size();
        }

        synchronized long seqOf(int index) {
            return seqs.get(index);
        }

        synchronized List<Long> seqs() {
            return List.copyOf(seqs);
        }

        synchronized int maxInFlight() {
            return maxInFlight;
        }

        synchronized int lastSendOf(long seq) {
            return seqs.lastIndexOf(seq);
        }

        void ack(long seq) {
            future(seqs().indexOf(seq)).complete(null);
        }

        /** Acknowledges every send of an event not sent before (the first run; 31 failed already). */
        void ackFirstSends() {
            List<CompletableFuture<Void>> first = new ArrayList<>();
            synchronized (this) {
                java.util.Set<Long> seen = new java.util.HashSet<>();
                for (int i = 0; i < seqs.size() && seen.add(seqs.get(i)); i++) {
                    first.add(acks.get(i));
                }
            }
            first.forEach(f -> f.complete(null)); // outside the lock, as Paho's callback thread would
        }

        void ackLast(long seq) {
            future(lastSendOf(seq)).complete(null);
        }

        void fail(long seq) {
            future(seqs().indexOf(seq)).completeExceptionally(new MqttException(MqttException.REASON_CODE_CONNECTION_LOST));
        }

        private synchronized CompletableFuture<Void> future(int index) {
            return acks.get(index);
        }
    }
}
