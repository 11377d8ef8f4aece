package vn.kiosk.console.sim;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * A simulated kiosk's outbox, in memory: events get their seq when they happen (1, 2, ...) and stay
 * until the broker's PUBACK, so a kiosk that was offline sends what it missed in seq order when it
 * is back, and what was in flight when a session broke is sent again on the next one (at least once,
 * as the real kiosk's SQLite outbox does). Bounded like the real backlog: the oldest unsent event is
 * given up first.
 */
final class SimOutbox {

    /** Publishes one event; throws when Paho will not take it now (not connected, too many in flight). */
    @FunctionalInterface
    interface Sender {
        void send(long seq, byte[] payload) throws MqttException;
    }

    private final int capacity;
    private record Pending(byte[] payload, long createdMillis) { }

    private final TreeMap<Long, Pending> unacked = new TreeMap<>();
    private long nextSeq = 1;
    /** The first seq not yet handed to Paho in the current session. */
    private long sendFrom = 1;
    private long bytes;

    SimOutbox(int capacity) {
        this.capacity = capacity;
    }

    /** Records the next event, built for its seq; how many old events were given up to make room (0 or 1). */
    synchronized int append(LongFunction<byte[]> event, long createdMillis) {
        long seq = nextSeq++;
        byte[] payload = event.apply(seq);
        unacked.put(seq, new Pending(payload, createdMillis));
        bytes += payload.length;
        if (unacked.size() > capacity) {
            bytes -= unacked.pollFirstEntry().getValue().payload().length;
            return 1;
        }
        return 0;
    }

    /** A new session: everything not acknowledged goes again. */
    synchronized void rewind() {
        sendFrom = unacked.isEmpty() ? nextSeq : unacked.firstKey();
    }

    /** Hands Paho every event not sent in this session, in seq order, until it refuses one. */
    synchronized void send(Sender sender) {
        for (Map.Entry<Long, Pending> e : unacked.tailMap(sendFrom, true).entrySet()) {
            try {
                sender.send(e.getKey(), e.getValue().payload());
            } catch (MqttException ex) {
                return; // stays unsent; the next ack, event or retry tick tries again
            }
            sendFrom = e.getKey() + 1;
        }
    }

    /** The broker has it: gone from here; returns when it was created (-1 if it was acknowledged before). */
    synchronized long acked(long seq) {
        Pending p = unacked.remove(seq);
        if (p == null) {
            return -1;
        }
        bytes -= p.payload().length;
        return p.createdMillis();
    }

    synchronized boolean hasUnsent() {
        return unacked.ceilingKey(sendFrom) != null;
    }

    /** Events not yet acknowledged, as the telemetry's outbox backlog reports them. */
    synchronized long events() {
        return unacked.size();
    }

    synchronized long bytes() {
        return bytes;
    }
}
