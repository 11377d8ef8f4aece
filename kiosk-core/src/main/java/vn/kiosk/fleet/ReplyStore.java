package vn.kiosk.fleet;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import vn.kiosk.storage.Database;

/** The first reply to each (role, request id), so a request sent again is answered without doing it twice. */
final class ReplyStore {

    private static final Duration KEEP = Duration.ofDays(1);

    private final Database db;
    private final Clock clock;

    ReplyStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<byte[]> find(String role, String requestId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT reply FROM command_reply WHERE role = ? AND request_id = ?")) {
                ps.setString(1, role);
                ps.setString(2, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    void save(String role, String requestId, byte[] reply) {
        long now = clock.millis();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO command_reply (role, request_id, reply, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, role);
                ps.setString(2, requestId);
                ps.setBytes(3, reply);
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM command_reply WHERE created_at < ?")) {
                ps.setLong(1, now - KEEP.toMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
