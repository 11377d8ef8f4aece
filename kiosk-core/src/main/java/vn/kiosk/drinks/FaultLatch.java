package vn.kiosk.drinks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import vn.kiosk.hw.dispenser.Tap;
import vn.kiosk.outbox.Outbox;
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
    private final Outbox outbox;
    private volatile Fault fault;

    FaultLatch(Database db, ObjectMapper json, Outbox outbox) {
        this.json = json;
        this.outbox = outbox;
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

    /** Latches the fault and records the dispenser.fault event, in the caller's transaction. */
    Fault latch(Connection c, String code, Tap tap, String pourId, Instant at) throws SQLException {
        Fault f = new Fault(code, describe(code, tap), pourId, at);
        try {
            Settings.put(c, KEY, json.writeValueAsString(f));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        outbox.append(c, "dispenser.fault", at, new DispenserEventData.Fault(code, f.message(), pourId));
        fault = f;
        return f;
    }

    /** What a fault code means, for the technician reading the event or the counter page. */
    static String describe(String code, Tap tap) {
        return switch (code) {
            case "no_flow" -> "no flow after opening the " + (tap == null ? "" : tap.id() + " ") + "valve (empty tank or dry pump)";
            case "flow_stopped" -> "the flow stopped during the pour";
            case "time_overrun" -> "the pour took longer than its time limit (flow too slow)";
            case "volume_overrun" -> "more water than asked for: the valve may not close";
            case "flow_while_idle" -> "water flowed with every valve closed: a valve is stuck open or leaking";
            default -> code;
        };
    }

    /** The fault that was cleared, or null when none was latched. */
    Fault clear(Connection c) throws SQLException {
        Settings.put(c, KEY, null);
        Fault was = fault;
        fault = null;
        return was;
    }
}
