package vn.kiosk.hw.printer;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.hw.DeviceStatus;

/**
 * An ESC/POS receipt printer on any transport. Reads status only when it asks (DLE EOT, with a
 * timeout) and accepts only bytes of the reply's form, because a printer also answers the
 * bytes 10 04 n that occur inside raster data. Confirms each job with GS r, which the printer
 * answers only after printing what came before; a job that is not confirmed is checked with
 * real-time status, so paper running out mid-ticket is reported, never counted as printed.
 * Reconnects by itself after the printer was unplugged (at most once a second).
 */
public final class EscPosPrinter implements ThermalPrinter {

    private static final Logger log = LoggerFactory.getLogger(EscPosPrinter.class);
    private static final long REOPEN_INTERVAL_MS = 1_000;
    /** Time a printer may take to print a ticket after the last byte arrives. */
    private static final long PRINT_MILLIS = 4_000;

    private final PrinterTransport transport;
    private final long statusTimeoutMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile PrinterState state = PrinterState.OFFLINE;
    private volatile String detail = "not connected yet";
    private long lastOpenAttempt;
    private boolean awaitingConfirmation;
    private int confirmation = -1;

    public EscPosPrinter(PrinterTransport transport, long statusTimeoutMillis) {
        this.transport = transport;
        this.statusTimeoutMillis = statusTimeoutMillis;
    }

    public PrinterTransport transport() {
        return transport;
    }

    @Override
    public void print(byte[] job) throws IOException {
        lock.lock();
        try {
            ensureOpen(true);
            if (transport.hasReplies()) {
                PrinterState before = queryState();
                if (!before.canPrint()) {
                    throw new PrinterException(before, "printer is " + before + ", nothing was printed");
                }
            }
            transport.discardInput();
            transport.write(job);
            if (transport.hasReplies()) {
                confirm(job.length);
            }
        } catch (PrinterException e) {
            throw e;
        } catch (IOException e) {
            lostConnection(e);
            throw new PrinterException(PrinterState.OFFLINE, transport.describe() + " went away: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the answer to GS r 1, which comes only once the job has been printed. After each
     * half second of silence it asks real-time status, so paper running out or the cover opening
     * mid-job is known at once rather than at the deadline. Stray DLE EOT answers (to bytes inside
     * raster data) cannot be told apart by their n, so they are ignored here: only answers to our
     * own requests, after a silence, are read as status.
     */
    private void confirm(int jobBytes) throws IOException {
        confirmation = -1;
        awaitingConfirmation = true;
        try {
            transport.write(EscPos.paperStatusAfterPrinting());
            int rate = transport.bytesPerSecond();
            long deadline = System.currentTimeMillis() + PRINT_MILLIS + (rate > 0 ? jobBytes * 1000L / rate : 0);
            while (confirmation < 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                int b = transport.read(Math.min(left, 500));
                if (b >= 0) {
                    if (isConfirmation(b)) {
                        confirmation = b;
                    }
                    continue; // a stray status answer
                }
                PrinterState now = queryState();
                if (confirmation < 0 && !now.canPrint()) {
                    throw new PrinterException(now, "printing stopped: printer is " + now);
                }
            }
            if (confirmation >= 0) {
                if ((confirmation & 0x0C) != 0) {
                    throw setState(PrinterState.PAPER_OUT, "paper ran out while printing");
                }
                setState((confirmation & 0x03) != 0 ? PrinterState.PAPER_LOW : PrinterState.READY, "printed");
                return;
            }
        } finally {
            awaitingConfirmation = false;
        }
        // No confirmation: a printer without GS r, or one that stopped. Real-time status tells which.
        PrinterState after = queryState();
        if (!after.canPrint()) {
            throw new PrinterException(after, "printing stopped: printer is " + after);
        }
        log.debug("{} did not confirm the job, but reports {}; counted as printed", transport.describe(), after);
    }

    /** A GS r answer has bits 4 and 7 clear; every DLE EOT answer has bit 4 set. */
    private static boolean isConfirmation(int b) {
        return (b & 0x90) == 0;
    }

    private PrinterException setState(PrinterState s, String why) {
        state = s;
        detail = why;
        return new PrinterException(s, why);
    }

    @Override
    public DeviceStatus status() {
        try {
            if (lock.tryLock(statusTimeoutMillis, TimeUnit.MILLISECONDS)) {
                try {
                    if (ensureOpen(false) && transport.hasReplies()) {
                        queryState();
                    } else if (transport.isOpen() && !transport.hasReplies()) {
                        state = PrinterState.READY;
                        detail = transport.describe() + " (no status channel)";
                    }
                } catch (IOException e) {
                    lostConnection(e);
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PrinterState s = state;
        return new DeviceStatus(s.name(), s.canPrint(), detail);
    }

    public PrinterState state() {
        return state;
    }

    /** Asks DLE EOT 2, 3, 4 and 1 and settles on the most serious state. */
    private PrinterState queryState() throws IOException {
        int offlineCause = ask(2);
        if (offlineCause < 0) {
            return noAnswer();
        }
        PrinterState s;
        String why;
        if ((offlineCause & 0x04) != 0) {
            s = PrinterState.COVER_OPEN;
            why = "cover open";
        } else if ((offlineCause & 0x20) != 0) {
            s = PrinterState.PAPER_OUT;
            why = "stopped at paper end";
        } else if ((offlineCause & 0x40) != 0) {
            int error = ask(3);
            s = error >= 0 && (error & 0x08) != 0 ? PrinterState.CUTTER_ERROR : PrinterState.ERROR;
            why = s == PrinterState.CUTTER_ERROR ? "auto-cutter error" : "printer error";
        } else {
            int paper = ask(4);
            if (paper < 0) {
                return noAnswer();
            }
            if ((paper & 0x60) != 0) {
                s = PrinterState.PAPER_OUT;
                why = "paper out";
            } else if ((paper & 0x0C) != 0) {
                s = PrinterState.PAPER_LOW;
                why = "paper near end";
            } else {
                int printer = ask(1);
                s = printer >= 0 && (printer & 0x08) != 0 ? PrinterState.OFFLINE : PrinterState.READY;
                why = s == PrinterState.READY ? "ready" : "printer reports offline";
            }
        }
        state = s;
        detail = transport.describe() + ": " + why;
        return s;
    }

    private PrinterState noAnswer() {
        state = PrinterState.OFFLINE;
        detail = transport.describe() + ": no answer to a status request";
        return state;
    }

    /**
     * Sends DLE EOT n and returns the reply, skipping bytes that are not of a status reply's form;
     * -1 if none. A job confirmation arriving meanwhile is kept, not dropped.
     */
    private int ask(int n) throws IOException {
        for (int b; (b = transport.read(0)) >= 0; ) {
            keepConfirmation(b); // whatever else was waiting is stale
        }
        transport.write(EscPos.statusRequest(n));
        long deadline = System.currentTimeMillis() + statusTimeoutMillis;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            int b = left <= 0 ? -1 : transport.read(left);
            if (b < 0) {
                return -1;
            }
            if ((b & 0x93) == 0x12) { // 0xx1xx10
                return b;
            }
            keepConfirmation(b);
        }
    }

    private void keepConfirmation(int b) {
        if (awaitingConfirmation && isConfirmation(b)) {
            confirmation = b;
        }
    }

    /** Opens the transport if it is closed, no more often than once a second. */
    private boolean ensureOpen(boolean mustSucceed) throws IOException {
        if (transport.isOpen()) {
            return true;
        }
        long now = System.currentTimeMillis();
        if (!mustSucceed && now - lastOpenAttempt < REOPEN_INTERVAL_MS) {
            return false;
        }
        lastOpenAttempt = now;
        try {
            transport.open();
            log.info("{} connected", transport.describe());
            return true;
        } catch (IOException e) {
            state = PrinterState.OFFLINE;
            detail = transport.describe() + ": " + e.getMessage();
            if (mustSucceed) {
                throw new PrinterException(PrinterState.OFFLINE, detail, e);
            }
            return false;
        }
    }

    private void lostConnection(IOException e) {
        if (state != PrinterState.OFFLINE) {
            log.warn("{} lost: {}", transport.describe(), e.getMessage());
        }
        transport.close();
        state = PrinterState.OFFLINE;
        detail = transport.describe() + ": " + e.getMessage();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            transport.close();
        } finally {
            lock.unlock();
        }
    }
}
