package vn.kiosk.drinks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import vn.kiosk.queue.Channel;

/** Who asked for a pour: one of the ticket channels, or a technician's calibration pour. */
public enum PourChannel {
    TOUCHSCREEN, ROBOT, COUNTER, TECH;

    public static PourChannel of(Channel channel) {
        return switch (channel) {
            case TOUCHSCREEN -> TOUCHSCREEN;
            case ROBOT -> ROBOT;
            case COUNTER -> COUNTER;
        };
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
