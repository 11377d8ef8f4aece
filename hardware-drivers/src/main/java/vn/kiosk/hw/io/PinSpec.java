package vn.kiosk.hw.io;

/**
 * One GPIO line: its BCM number, which level means "active" (a valve open, a cup present, a tank
 * low), and how long an input must be stable before a change counts (microseconds; 0 = none).
 */
public record PinSpec(int bcm, boolean activeHigh, long debounceMicros) {

    public PinSpec {
        if (bcm < 0 || bcm > 53) {
            throw new IllegalArgumentException("BCM pin " + bcm + " does not exist (expected 0..53, usually 2..27)");
        }
        if (debounceMicros < 0) {
            throw new IllegalArgumentException("debounce must not be negative");
        }
    }

    public static PinSpec output(int bcm, boolean activeHigh) {
        return new PinSpec(bcm, activeHigh, 0);
    }

    @Override
    public String toString() {
        return "BCM " + bcm + (activeHigh ? " (active high)" : " (active low)");
    }
}
