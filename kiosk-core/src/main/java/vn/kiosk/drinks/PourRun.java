package vn.kiosk.drinks;

import java.time.Instant;
import vn.kiosk.hw.dispenser.Tap;

/**
 * The pour in progress. The valve is open until {@link #end} records the first reason to stop;
 * then trailing pulses are counted for {@link DrinkLimits#SETTLE_MILLIS} before the pour is final.
 * Times are {@link System#nanoTime()} so a clock change cannot stretch or cut an interlock.
 */
final class PourRun {

    final String id;
    final Tap tap;
    final int requestedMl;
    final PourChannel channel;
    final boolean calibrating;
    final double pulsesPerLitre;
    final long startPulses;
    final PourInterlock interlock;
    final Instant startedAt;
    private volatile long lastPulseNanos;
    private PourState state = PourState.POURING; // guarded by this
    private String reason;                   // guarded by this
    private long closedNanos;                // guarded by this

    PourRun(String id, Tap tap, int requestedMl, PourChannel channel, boolean calibrating, double pulsesPerLitre,
            long startPulses, DrinkLimits limits, long startNanos, Instant startedAt) {
        this.id = id;
        this.tap = tap;
        this.requestedMl = requestedMl;
        this.channel = channel;
        this.calibrating = calibrating;
        this.pulsesPerLitre = pulsesPerLitre;
        this.startPulses = startPulses;
        this.interlock = PourInterlock.of(requestedMl, pulsesPerLitre, limits, startNanos);
        this.startedAt = startedAt;
        this.lastPulseNanos = startNanos;
    }

    void pulseSeen(long nanos) {
        lastPulseNanos = nanos;
    }

    long lastPulseNanos() {
        return lastPulseNanos;
    }

    /** Records why the valve closed; only the first reason counts. Returns whether this call was first. */
    synchronized boolean end(PourState outcome, String why, long nanos) {
        if (state != PourState.POURING) {
            return false;
        }
        state = outcome;
        reason = why;
        closedNanos = nanos;
        return true;
    }

    /** Water kept coming after the valve closed: whatever the outcome was, it is now a fault. */
    synchronized void overrun() {
        state = PourInterlock.Decision.VOLUME_OVERRUN.outcome();
        reason = PourInterlock.Decision.VOLUME_OVERRUN.reason();
    }

    synchronized boolean open() {
        return state == PourState.POURING;
    }

    synchronized long closedNanos() {
        return closedNanos;
    }

    synchronized PourState state() {
        return state;
    }

    synchronized String reason() {
        return reason;
    }

    int measuredMl(long pulsesNow) {
        return (int) Math.round((pulsesNow - startPulses) * 1000.0 / pulsesPerLitre);
    }

    Pour view(long pulsesNow, boolean finished, Instant endedAt) {
        PourState s;
        String r;
        synchronized (this) {
            s = finished ? state : PourState.POURING;
            r = finished ? reason : null;
        }
        return new Pour(id, tap.id(), requestedMl, measuredMl(pulsesNow), s, r, channel, startedAt, endedAt);
    }
}
