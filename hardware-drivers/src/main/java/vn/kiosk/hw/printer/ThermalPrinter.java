package vn.kiosk.hw.printer;

import java.io.IOException;
import vn.kiosk.hw.Device;

/** A receipt printer that takes an ESC/POS byte stream. */
public interface ThermalPrinter extends Device {

    /** Sends one complete job. Throws when the bytes could not be delivered. */
    void print(byte[] escPos) throws IOException;
}
