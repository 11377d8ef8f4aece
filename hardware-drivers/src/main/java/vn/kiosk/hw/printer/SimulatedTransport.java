package vn.kiosk.hw.printer;

import java.io.IOException;

/**
 * Connects the driver to a {@link VirtualPrinter} in the same process; can be "unplugged", and can
 * print slowly ({@link #setPrintMillis}) like a real printer feeding a long ticket.
 */
public final class SimulatedTransport implements PrinterTransport {

    /** Status requests (DLE EOT n, GS r n) are 3 bytes; anything longer is a print job. */
    private static final int STATUS_REQUEST_BYTES = 3;

    private final VirtualPrinter printer;
    private volatile boolean plugged = true;
    private volatile boolean open;
    private volatile long printMillis;

    public SimulatedTransport(VirtualPrinter printer) {
        this.printer = printer;
    }

    public VirtualPrinter printer() {
        return printer;
    }

    /** How long each print job takes to go through (0: at once); status requests stay instant. */
    public void setPrintMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("printMillis must be 0 or more, got " + millis);
        }
        this.printMillis = millis;
    }

    public void setPlugged(boolean plugged) {
        this.plugged = plugged;
        if (!plugged) {
            open = false;
        }
    }

    @Override
    public void open() throws IOException {
        if (!plugged) {
            throw new IOException("simulated printer is unplugged");
        }
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void write(byte[] data) throws IOException {
        check();
        long millis = printMillis;
        if (millis > 0 && data.length > STATUS_REQUEST_BYTES) {
            try {
                Thread.sleep(millis); // the paper feeding: this is the printer's time, not a synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while printing", e);
            }
        }
        printer.receive(data);
    }

    @Override
    public int read(long timeoutMillis) throws IOException {
        check();
        try {
            return printer.readReply(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void discardInput() throws IOException {
        check();
        while (printer.replyAvailable() > 0) {
            read(0);
        }
    }

    private void check() throws IOException {
        if (!open || !plugged) {
            open = false;
            throw new IOException("simulated printer is unplugged");
        }
    }

    @Override
    public boolean hasReplies() {
        return true;
    }

    @Override
    public String describe() {
        return "simulated printer";
    }

    @Override
    public void close() {
        open = false;
    }
}
