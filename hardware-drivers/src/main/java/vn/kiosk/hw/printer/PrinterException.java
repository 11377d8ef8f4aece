package vn.kiosk.hw.printer;

import java.io.IOException;

/** A job did not get onto paper; {@link #state()} says why (paper out, cover open, offline, ...). */
public final class PrinterException extends IOException {

    private final PrinterState state;

    public PrinterException(PrinterState state, String message) {
        super(message);
        this.state = state;
    }

    public PrinterException(PrinterState state, String message, Throwable cause) {
        super(message, cause);
        this.state = state;
    }

    public PrinterState state() {
        return state;
    }
}
