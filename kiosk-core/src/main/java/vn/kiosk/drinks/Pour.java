package vn.kiosk.drinks;

import java.time.Instant;

/**
 * One pour as callers see it. {@code state}: POURING until the valve is closed and the last drops
 * are counted, then DONE (the requested volume), STOPPED (cup removed, tank low, shutdown: safe,
 * not latched) or FAULT (no flow, overrun: latched until a technician resets the dispenser).
 */
public record Pour(String id, String kind, int requestedMl, int measuredMl, String state, String reason,
                   String channel, Instant startedAt, Instant endedAt) {

    public static final String POURING = "POURING";
    public static final String DONE = "DONE";
    public static final String STOPPED = "STOPPED";
    public static final String FAULT = "FAULT";

    public boolean finished() {
        return !POURING.equals(state);
    }
}
