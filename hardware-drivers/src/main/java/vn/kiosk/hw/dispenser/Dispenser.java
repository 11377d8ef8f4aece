package vn.kiosk.hw.dispenser;

import vn.kiosk.hw.Device;

/**
 * The water dispenser's parts: two valves, one flow meter on the common outlet, a cup sensor, a
 * low-level switch per tank and a hot-tank thermometer. It knows nothing of pours or limits: the
 * interlocks that decide when to close live with the caller, which reacts to {@link Listener}.
 * Valves are closed when it opens, when it closes and when the JVM exits.
 */
public interface Dispenser extends Device {

    /** What changed, reported on the GPIO event thread: keep listeners short and never block. */
    enum Input { CUP, FLOW_PULSE, COLD_LEVEL, HOT_LEVEL }

    @FunctionalInterface
    interface Listener {
        void changed(Input input, boolean active);
    }

    void onInput(Listener listener);

    /** Opens one tap's valve; the other is closed first, so both are never open. */
    void open(Tap tap);

    /** Closes every valve. Never throws: it is what every interlock and shutdown path calls. */
    void closeAll();

    /** The open tap, or null. */
    Tap openTap();

    /** Flow-meter pulses counted since the dispenser was opened. */
    long flowPulses();

    boolean cupPresent();

    /** True when the tank's low-level switch says it is low; false when it has no switch. */
    boolean levelLow(Tap tap);

    boolean hasLevelSwitch(Tap tap);

    /** The latest hot-tank temperature, read off the request path. */
    Thermometer.Reading temperature();
}
