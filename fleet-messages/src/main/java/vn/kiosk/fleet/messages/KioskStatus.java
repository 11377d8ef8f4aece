package vn.kiosk.fleet.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The retained {@code status} topic: {@code {"online": true, "version", "startedAt"}} once connected,
 * {@code {"online": false}} as the Will and after a clean stop.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KioskStatus(boolean online, String version, Instant startedAt) {

    public static KioskStatus onlineSince(String version, Instant startedAt) {
        return new KioskStatus(true, version, startedAt);
    }

    public static KioskStatus offline() {
        return new KioskStatus(false, null, null);
    }
}
