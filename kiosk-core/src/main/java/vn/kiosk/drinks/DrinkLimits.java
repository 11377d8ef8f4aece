package vn.kiosk.drinks;

import vn.kiosk.config.KioskConfig;
import vn.kiosk.hw.dispenser.Tap;

/** The configured limits of a pour and the interlock timings. */
record DrinkLimits(int cupMl, int maxColdMl, int maxHotMl, long noFlowMillis, int minFlowMlPerMinute, int overrunMl,
                   int defaultPulsesPerLitre) {

    /** After the valve closes, trailing pulses are counted this long (and an unclosed valve shows). */
    static final long SETTLE_MILLIS = 300;

    static DrinkLimits of(KioskConfig.Dispensing d) {
        return new DrinkLimits(d.cupMl(), d.maxColdMl(), d.maxHotMl(), d.noFlowMillis(), d.minFlowMlPerMinute(),
                d.overrunMl(), d.pulsesPerLitre());
    }

    /** Flow-meter pulses for {@code ml} millilitres (at least one). */
    static long pulses(int ml, double pulsesPerLitre) {
        return Math.max(1, Math.round(ml * pulsesPerLitre / 1000.0));
    }

    int maxMl(Tap tap) {
        return tap == Tap.COLD ? maxColdMl : maxHotMl;
    }

    /** The time backstop for a pour of {@code ml}: at the slowest acceptable flow, plus the no-flow allowance. */
    long maxPourMillis(int ml) {
        return Math.round(ml * 60_000.0 / minFlowMlPerMinute) + noFlowMillis;
    }
}
