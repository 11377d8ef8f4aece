package vn.kiosk.queue;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Who asked for a ticket. */
public enum Channel {
    TOUCHSCREEN, ROBOT, COUNTER;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** By id, without a stream or a lower-casing per call: a report reads it for every ticket of months. */
    private static final java.util.Map<String, Channel> BY_ID = java.util.Map.of(
            TOUCHSCREEN.id(), TOUCHSCREEN, ROBOT.id(), ROBOT, COUNTER.id(), COUNTER);

    public static Optional<Channel> fromId(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }
}
