package vn.kiosk.fleet;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import vn.kiosk.storage.Database;

/**
 * Each (role, request id) with the fingerprint of its request, recorded before the command runs,
 * and its first reply, recorded after: a request sent again is answered without doing it twice,
 * and an id reused for a different request is recognised.
 */
final class ReplyStore {

    private static final Duration KEEP = Duration.ofDays(1);

    /** @param fingerprint null for rows from before fingerprints were kept; reply null until the command ran */
    record Entry(String fingerprint, byte[] reply) { }

    private final Database db;
    private final Clock clock;

    ReplyStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<Entry> find(String role, String requestId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT fingerprint, reply FROM command_request WHERE role = ? AND request_id = ?")) {
                ps.setString(1, role);
                ps.setString(2, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Entry(rs.getString(1), rs.getBytes(2))) : Optional.<Entry>empty();
                }
            }
        });
    }

    /** Records the request before it runs (and prunes old ones). */
    void begin(String role, String requestId, String fingerprint) {
        long now = clock.millis();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO command_request "
                    + "(role, request_id, fingerprint, reply, created_at) VALUES (?, ?, ?, NULL, ?)")) {
                ps.setString(1, role);
                ps.setString(2, requestId);
                ps.setString(3, fingerprint);
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM command_request WHERE created_at < ?")) {
                ps.setLong(1, now - KEEP.toMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Keeps the first reply. */
    void finish(String role, String requestId, byte[] reply) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE command_request SET reply = ? WHERE role = ? AND request_id = ? AND reply IS NULL")) {
                ps.setBytes(1, reply);
                ps.setString(2, role);
                ps.setString(3, requestId);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
