package vn.kiosk.fleet;

import java.util.random.RandomGenerator;

/**
 * Reconnect delays: doubling from min to max with ±25 % jitter, and a random first delay in
 * [0, min), so a fleet that lost its broker does not come back all in the same second.
 */
public record Backoff(long minMillis, long maxMillis, RandomGenerator random) {

    public long firstDelay() {
        return (long) (random.nextDouble() * minMillis);
    }

    /** @param attempt 0 for the first retry after a failure */
    public long delay(int attempt) {
        double base = Math.min(maxMillis, minMillis * Math.pow(2, Math.min(attempt, 30)));
        double jitter = 0.75 + random.nextDouble() * 0.5;
        return Math.max(1, Math.min(maxMillis, (long) (base * jitter)));
    }
}
