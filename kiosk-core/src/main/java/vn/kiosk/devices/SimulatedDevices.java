package vn.kiosk.devices;

import vn.kiosk.hw.dispenser.SimulatedDispenser;
import vn.kiosk.hw.printer.EscPosPrinter;
import vn.kiosk.hw.printer.SimulatedTransport;
import vn.kiosk.hw.printer.VirtualPrinter;
import vn.kiosk.hw.scanner.SimulatedScanner;

/**
 * The simulated hardware of a kiosk configured with {@code sim:} devices, so tests and demos reach the paper,
 * the scanner and the dispenser by name instead of casting through the drivers. Asking for a device that is
 * real or missing fails with a message saying which.
 */
public final class SimulatedDevices {

    private final Devices devices;

    SimulatedDevices(Devices devices) {
        this.devices = devices;
    }

    /** The cable to the simulated printer (it can be unplugged). */
    public SimulatedTransport printerCable() {
        EscPosPrinter printer = devices.printer();
        if (printer != null && printer.transport() instanceof SimulatedTransport cable) {
            return cable;
        }
        throw notSimulated("printer");
    }

    /** The simulated printer's paper: what was printed, and paper out. */
    public VirtualPrinter paper() {
        return printerCable().printer();
    }

    /** The simulated scanner, to present codes to. */
    public SimulatedScanner scanner() {
        if (devices.scanner() instanceof SimulatedScanner s) {
            return s;
        }
        throw notSimulated("scanner");
    }

    public SimulatedDispenser dispenser() {
        if (devices.dispenser() instanceof SimulatedDispenser d) {
            return d;
        }
        throw notSimulated("dispenser");
    }

    private IllegalStateException notSimulated(String name) {
        String url = devices.urlOf(name);
        return new IllegalStateException("the " + name + " is not simulated (devices." + name + ": "
                + (url == null || url.isBlank() ? "not configured" : url) + ")");
    }
}
