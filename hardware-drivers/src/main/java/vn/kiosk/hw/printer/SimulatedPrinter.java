package vn.kiosk.hw.printer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import vn.kiosk.hw.DeviceStatus;

/**
 * The printer's simulated twin: keeps every job in memory and can be told it ran out of paper,
 * so the UI and tests can walk the failure paths without hardware.
 */
public final class SimulatedPrinter implements ThermalPrinter {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private volatile boolean paperOut;
    private int jobs;

    @Override
    public synchronized void print(byte[] escPos) throws IOException {
        if (paperOut) {
            throw new IOException("simulated printer is out of paper");
        }
        printed.writeBytes(escPos);
        jobs++;
    }

    public void setPaperOut(boolean paperOut) {
        this.paperOut = paperOut;
    }

    public synchronized int jobCount() {
        return jobs;
    }

    public synchronized byte[] printedBytes() {
        return printed.toByteArray();
    }

    @Override
    public DeviceStatus status() {
        return paperOut
                ? DeviceStatus.fault("PAPER_OUT", "simulated printer: paper out")
                : DeviceStatus.ready("simulated printer");
    }

    @Override
    public void close() {
        // nothing to release
    }
}
