package vn.kiosk.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Domain events, written in the same transaction as the state they describe, so an event exists
 * exactly when its change does. The fleet link drains this table to MQTT. Event data never holds
 * personal data: callers pass ids, numbers and categories only.
 */
public final class Outbox {

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /** Appends an event inside the caller's transaction and returns its per-device sequence number. */
    public long append(Connection c, String type, Instant ts, Map<String, ?> data) throws SQLException {
        String body;
        try {
            body = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of " + type + " is not serialisable", e);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (id, type, ts, data) VALUES (?, ?, ?, ?) RETURNING seq")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, type);
            ps.setLong(3, ts.toEpochMilli());
            ps.setString(4, body);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Appends an event in a transaction of its own (device events that change no other state). */
    public long record(vn.kiosk.storage.Database db, String type, Instant ts, Map<String, ?> data) {
        return db.inTransaction(c -> append(c, type, ts, data));
    }

    /** Events not yet acknowledged by the broker. */
    public static long backlog(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
