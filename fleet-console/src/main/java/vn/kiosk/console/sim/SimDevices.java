package vn.kiosk.console.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.kiosk.fleet.messages.DeviceStateEventData;

/**
 * The state words of a simulated kiosk's printer, scanner and dispenser, as the real kiosk's
 * DeviceWatch reports them. The printer changes (paper faults) and the dispenser (water running
 * low); the scanner stays READY.
 */
final class SimDevices {

    static final String READY = "READY";
    static final String PAPER_LOW = "PAPER_LOW";
    static final String PAPER_OUT = "PAPER_OUT";
    /** The real dispenser's DispenserState.LEVEL_LOW: a tank is low, the other tap still pours. */
    static final String LEVEL_LOW = "LEVEL_LOW";

    /** In the order printer, scanner, dispenser (as telemetry lists them). */
    private final Map<String, String> states = new LinkedHashMap<>();

    SimDevices() {
        states.put("printer", READY);
        states.put("scanner", READY);
        states.put("dispenser", READY);
    }

    synchronized String printer() {
        return states.get("printer");
    }

    synchronized String dispenser() {
        return states.get("dispenser");
    }

    synchronized Map<String, String> states() {
        return new LinkedHashMap<>(states);
    }

    /** Whether a printer in this state prints: PAPER_LOW still does (the real PrinterState.canPrint), PAPER_OUT not. */
    static boolean canPrint(String printerState) {
        return !printerState.equals(PAPER_OUT);
    }

    /** Sets the printer's state; the {@code printer.state} event data, or null when nothing changed. */
    synchronized DeviceStateEventData printer(String state, String detail) {
        return change("printer", state, canPrint(state), detail);
    }

    /** Sets the dispenser's state; the {@code dispenser.state} event data, or null when nothing changed. */
    synchronized DeviceStateEventData dispenser(String state, String detail) {
        return change("dispenser", state, true, detail); // one low tank: the other still pours
    }

    private DeviceStateEventData change(String device, String state, boolean ok, String detail) {
        String previous = states.put(device, state);
        return state.equals(previous) ? null : new DeviceStateEventData(state, previous, ok, detail);
    }
}
