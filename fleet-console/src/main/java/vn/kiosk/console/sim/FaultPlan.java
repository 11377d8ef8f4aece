package vn.kiosk.console.sim;

import java.time.Duration;

/**
 * How often simulated kiosks misbehave: paper running low (and sometimes out), the kiosk dropping
 * off the network and the dispenser's water running low, each a rate per kiosk per hour, lasting
 * between {@code minLength} and {@code maxLength}.
 */
public record FaultPlan(double paperFaultsPerKioskHour, double dropsPerKioskHour, double waterLowPerKioskHour,
                        Duration minLength, Duration maxLength) {

    /**
     * About three paper faults, one dropped kiosk and two tanks running low a minute across 1,000
     * kiosks, each for 30 s to 3 min.
     */
    public static final FaultPlan DEFAULT = new FaultPlan(0.18, 0.06, 0.12, Duration.ofSeconds(30), Duration.ofMinutes(3));

    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, Duration.ZERO, Duration.ZERO);

    public FaultPlan {
        if (paperFaultsPerKioskHour < 0 || dropsPerKioskHour < 0 || waterLowPerKioskHour < 0) {
            throw new IllegalArgumentException("fault rates must not be negative");
        }
        if (minLength.isNegative() || maxLength.compareTo(minLength) < 0) {
            throw new IllegalArgumentException("fault lengths must satisfy 0 <= min <= max");
        }
    }

    public boolean enabled() {
        return paperFaultsPerKioskHour > 0 || dropsPerKioskHour > 0 || waterLowPerKioskHour > 0;
    }
}
