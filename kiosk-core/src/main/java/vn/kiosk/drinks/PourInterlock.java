package vn.kiosk.drinks;

/**
 * The pour interlock: whether the valve may stay open. Pure (no clock, no hardware, no state), so
 * the GPIO event thread and the supervisor take the same decision from what they read, and tests
 * drive the time. Times are {@link System#nanoTime()} values, compared by difference as it requires.
 */
record PourInterlock(long targetPulses, long overrunPulses, long noFlowNanos, long startNanos, long maxNanos) {

    /** Carry on, or close the valves and record this outcome and reason. */
    enum Decision {
        CONTINUE(null, null),
        CUP_REMOVED(PourState.STOPPED, "cup_removed"),
        LEVEL_LOW(PourState.STOPPED, "level_low"),
        VOLUME_REACHED(PourState.DONE, "volume_reached"),
        NO_FLOW(PourState.FAULT, "no_flow"),
        FLOW_STOPPED(PourState.FAULT, "flow_stopped"),
        TIME_OVERRUN(PourState.FAULT, "time_overrun"),
        /** Water kept coming after the valve closed: whatever the outcome was, it is now a fault. */
        VOLUME_OVERRUN(PourState.FAULT, "volume_overrun"),
        /** Water with no pour at all: a valve is stuck open or leaking. */
        FLOW_WHILE_IDLE(PourState.FAULT, "flow_while_idle");

        private final PourState outcome;
        private final String reason;

        Decision(PourState outcome, String reason) {
            this.outcome = outcome;
            this.reason = reason;
        }

        boolean stops() {
            return outcome != null;
        }

        PourState outcome() {
            return outcome;
        }

        String reason() {
            return reason;
        }
    }

    /**
     * One reading. {@code valveOpen}: the pour has not closed its valve yet; {@code levelLow}: the
     * pour's own tank; {@code poured}: flow pulses since the pour started.
     */
    record Inputs(boolean valveOpen, boolean cupPresent, boolean levelLow, long poured, long lastPulseNanos,
                  long nowNanos) { }

    /** The limits of a pour of {@code ml} at the flow meter's current calibration. */
    static PourInterlock of(int ml, double pulsesPerLitre, DrinkLimits limits, long startNanos) {
        return new PourInterlock(DrinkLimits.pulses(ml, pulsesPerLitre),
                DrinkLimits.pulses(limits.overrunMl(), pulsesPerLitre),
                limits.noFlowMillis() * 1_000_000L, startNanos, limits.maxPourMillis(ml) * 1_000_000L);
    }

    /** While the valve is open the first reason to close it wins, in this order; after, only an overrun counts. */
    Decision decide(Inputs in) {
        if (!in.valveOpen()) {
            return in.poured() > targetPulses + overrunPulses ? Decision.VOLUME_OVERRUN : Decision.CONTINUE;
        }
        if (!in.cupPresent()) {
            return Decision.CUP_REMOVED;
        }
        if (in.levelLow()) {
            return Decision.LEVEL_LOW;
        }
        if (in.poured() >= targetPulses) {
            return Decision.VOLUME_REACHED;
        }
        if (in.nowNanos() - in.lastPulseNanos() > noFlowNanos) {
            return in.poured() == 0 ? Decision.NO_FLOW : Decision.FLOW_STOPPED;
        }
        if (in.nowNanos() - startNanos > maxNanos) {
            return Decision.TIME_OVERRUN;
        }
        return Decision.CONTINUE;
    }

    /** Pulses with no pour: a stuck or leaking valve once they add up to more than the overrun margin. */
    static Decision whileIdle(long idlePulses, long overrunPulses) {
        return idlePulses > overrunPulses ? Decision.FLOW_WHILE_IDLE : Decision.CONTINUE;
    }
}
