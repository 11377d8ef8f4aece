package vn.kiosk.hw.printer;

import java.io.IOException;

/** Connects the driver to a {@link VirtualPrinter} in the same process; can be "unplugged". */
public final class SimulatedTransport implements PrinterTransport {

    private final VirtualPrinter printer;
    private volatile boolean plugged = true;
    private volatile boolean open;

    public SimulatedTransport(VirtualPrinter printer) {
        this.printer = printer;
    }

    public VirtualPrinter printer() {
        return printer;
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
