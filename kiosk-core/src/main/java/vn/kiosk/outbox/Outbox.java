package vn.kiosk.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Domain events, written in the same transaction as the state they describe, so an event exists
 * exactly when its change does. The fleet link drains this table to MQTT. Event data never holds
 * personal data: callers pass ids, numbers and categories only.
 */
public final class Outbox {

    private final ObjectMapper json;
    private final List<Runnable> appendListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /** After each append, inside the writer's transaction: a wake-up for the MQTT publisher, not a KioskEvent; never blocks. */
    public void onAppend(Runnable listener) {
        appendListeners.add(listener);
    }

    /**
     * Appends an event inside the caller's transaction and returns its per-device sequence number.
     * {@code data} is a record, one per event type (its components are the JSON fields the fleet
     * stores), never a map: the shape of an event is a declaration, not whatever a caller put in.
     */
    public long append(Connection c, String type, Instant ts, Record data) throws SQLException {
        String body = dataOf(type, data);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (id, type, ts, data) VALUES (?, ?, ?, ?) RETURNING seq")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, type);
            ps.setLong(3, ts.toEpochMilli());
            ps.setString(4, body);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long seq = rs.getLong(1);
                appendListeners.forEach(Runnable::run);
                return seq;
            }
        }
    }

    /**
     * Takes over an event written elsewhere (the site queue's site_event, in the transaction of its
     * change) under its own id, once: the same id again is ignored, so a copy repeated after a crash
     * is not published twice. It gets the next seq here, so the device's events stay one sequence.
     */
    public void adopt(Connection c, String id, String type, long ts, String data) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (id, type, ts, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, id);
            ps.setString(2, type);
            ps.setLong(3, ts);
            ps.setString(4, data);
            if (ps.executeUpdate() == 1) {
                appendListeners.forEach(Runnable::run);
            }
        }
    }

    /** The JSON object an event of {@code type} carries as its data (also where the site queue writes it first). */
    public String dataOf(String type, Record data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of " + type + " is not serialisable", e);
        }
    }

    /** Appends an event in a transaction of its own (device events that change no other state). */
    public long record(vn.kiosk.storage.Database db, String type, Instant ts, Record data) {
        return db.inTransaction(c -> append(c, type, ts, data));
    }

    /** An event as stored: {@code data} is its JSON object. */
    public record Event(long seq, String id, String type, long ts, String data) { }

    /** The data of {@code outbox.overflow}: the oldest unsent events dropped to keep the backlog bounded. */
    public record Overflow(long dropped, long fromSeq, long toSeq) { }

    /** What waits to be published: how many events and how many bytes of data. */
    public record Backlog(long events, long bytes) { }

    /** The oldest events not yet acknowledged by the broker, in seq order. */
    public static List<Event> unsent(Connection c, int limit) throws SQLException {
        return unsentAfter(c, -1, limit);
    }

    /** The oldest unacknowledged events after {@code seq} (those up to it are on their way), in seq order. */
    public static List<Event> unsentAfter(Connection c, long seq, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, id, type, ts, data FROM outbox WHERE sent_at IS NULL AND seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, seq);
            ps.setInt(2, limit);
            List<Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
                }
            }
            return out;
        }
    }

    /** Marks every unsent event up to and including {@code seq} as acknowledged. */
    public static void markSentThrough(Connection c, long seq, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET sent_at = ? WHERE sent_at IS NULL AND seq <= ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
    }

    public static Backlog backlog(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*), coalesce(sum(length(data) + length(type) + 64), 0) FROM outbox WHERE sent_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Backlog(rs.getLong(1), rs.getLong(2));
        }
    }

    /**
     * Keeps the backlog within bounds: drops the oldest unsent events beyond them and records an
     * {@code outbox.overflow} event naming the dropped seq range, so the fleet sees the gap.
     *
     * @return how many events were dropped
     */
    public long enforceBounds(Connection c, long maxEvents, long maxBytes, Instant now) throws SQLException {
        Backlog b = backlog(c);
        if (b.events() <= maxEvents && b.bytes() <= maxBytes) {
            return 0;
        }
        // Drop the oldest until both bounds hold with 10 % headroom, so this does not run on every event.
        long keepEvents = Math.min(b.events(), maxEvents * 9 / 10);
        long avg = Math.max(1, b.bytes() / Math.max(1, b.events()));
        keepEvents = Math.min(keepEvents, maxBytes * 9 / 10 / avg);
        long drop = b.events() - keepEvents;
        long from;
        long to;
        try (PreparedStatement ps = c.prepareStatement("SELECT min(seq), max(seq) FROM (SELECT seq FROM outbox "
                + "WHERE sent_at IS NULL ORDER BY seq LIMIT ?)")) {
            ps.setLong(1, drop);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                from = rs.getLong(1);
                to = rs.getLong(2);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE sent_at IS NULL AND seq BETWEEN ? AND ?")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.executeUpdate();
        }
        append(c, "outbox.overflow", now, new Overflow(drop, from, to));
        return drop;
    }

    /** Deletes acknowledged events older than {@code before}: the broker has them. */
    public static int pruneSent(Connection c, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?")) {
            ps.setLong(1, before.toEpochMilli());
            return ps.executeUpdate();
        }
    }
}
