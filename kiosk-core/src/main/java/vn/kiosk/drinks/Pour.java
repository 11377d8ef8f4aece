package vn.kiosk.drinks;

import java.time.Instant;

/** One pour as callers see it; {@code kind} is "cold" or "hot", {@code reason} why it ended (null while pouring). */
public record Pour(String id, String kind, int requestedMl, int measuredMl, PourState state, String reason,
                   PourChannel channel, Instant startedAt, Instant endedAt) {

    public boolean finished() {
        return state != PourState.POURING;
    }
}
