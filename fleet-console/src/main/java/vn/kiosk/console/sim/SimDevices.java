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

    private String printer = READY;
    private String dispenser = READY;

    synchronized String printer() {
        return printer;
    }

    /** In the order printer, scanner, dispenser. */
    synchronized Map<String, String> states() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("printer", printer);
        m.put("scanner", READY);
        m.put("dispenser", dispenser);
        return m;
    }

    /** Sets the printer's state; the {@code printer.state} event data, or null when nothing changed. */
    synchronized DeviceStateEventData printer(String state, String detail) {
        if (state.equals(printer)) {
            return null;
        }
        String previous = printer;
        printer = state;
        // PAPER_LOW still prints (PrinterState.canPrint); PAPER_OUT does not
        return new DeviceStateEventData(state, previous, !state.equals(PAPER_OUT), detail);
    }

    synchronized String dispenser() {
        return dispenser;
    }

    /** Sets the dispenser's state; the {@code dispenser.state} event data, or null when nothing changed. */
    synchronized DeviceStateEventData dispenser(String state, String detail) {
        if (state.equals(dispenser)) {
            return null;
        }
        String previous = dispenser;
        dispenser = state;
        return new DeviceStateEventData(state, previous, true, detail); // one low tank: the other still pours
    }
}
