package vn.kiosk.drinks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import vn.kiosk.storage.Database;
import vn.kiosk.storage.Settings;

/**
 * A hardware fault that keeps the dispenser shut until a person resets it. Kept in the database:
 * a restart (or a config.reload) must not clear it by accident.
 */
final class FaultLatch {

    record Fault(String code, String message, String pourId, Instant at) { }

    private static final String KEY = "dispenser.fault";

    private final ObjectMapper json;
    private volatile Fault fault;

    FaultLatch(Database db, ObjectMapper json) {
        this.json = json;
        this.fault = db.read(c -> {
            String v = Settings.get(c, KEY);
            try {
                return v == null ? null : json.readValue(v, Fault.class);
            } catch (JsonProcessingException e) {
                return new Fault("unreadable", "a fault was latched but its record is unreadable", null, null);
            }
        });
    }

    Fault current() {
        return fault;
    }

    void latch(Connection c, Fault f) throws SQLException {
        try {
            Settings.put(c, KEY, json.writeValueAsString(f));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        fault = f;
    }

    /** The fault that was cleared, or null when none was latched. */
    Fault clear(Connection c) throws SQLException {
        Settings.put(c, KEY, null);
        Fault was = fault;
        fault = null;
        return was;
    }
}
