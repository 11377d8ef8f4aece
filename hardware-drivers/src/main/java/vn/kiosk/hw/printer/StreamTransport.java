package vn.kiosk.hw.printer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A transport over a pair of streams (serial port, printer device file, socket). A reader thread
 * collects reply bytes so a read can time out; a watchdog closes the connection when a write
 * stalls longer than the write timeout (a printer that stopped reading).
 */
abstract class StreamTransport implements PrinterTransport {

    private static final ScheduledExecutorService WATCHDOG = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "printer-write-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final long writeTimeoutMillis;
    private final LinkedBlockingQueue<Integer> replies = new LinkedBlockingQueue<>();
    private volatile InputStream in;
    private volatile OutputStream out;
    private volatile boolean open;
    private volatile String lostReason;
    private Thread reader;

    StreamTransport(long writeTimeoutMillis) {
        this.writeTimeoutMillis = writeTimeoutMillis;
    }

    /** Opens the underlying connection and sets {@link #streams}. */
    protected abstract void connect() throws IOException;

    /** Releases the underlying connection (the streams are closed already). */
    protected abstract void disconnect();

    protected final void streams(InputStream input, OutputStream output) {
        this.in = input;
        this.out = output;
    }

    @Override
    public synchronized void open() throws IOException {
        close();
        connect();
        replies.clear();
        lostReason = null;
        open = true;
        InputStream input = in;
        if (input != null) {
            reader = new Thread(() -> readLoop(input), "printer-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void readLoop(InputStream input) {
        try {
            int b;
            while ((b = input.read()) >= 0) {
                replies.add(b);
            }
            lost("the printer closed the connection");
        } catch (IOException e) {
            lost("reading failed: " + e.getMessage());
        }
    }

    private void lost(String reason) {
        if (open) {
            lostReason = reason;
            open = false;
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void write(byte[] data) throws IOException {
        ensureOpen();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(this::close, writeTimeoutMillis + wireMillis(data.length),
                TimeUnit.MILLISECONDS);
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            lost("writing failed: " + e.getMessage());
            throw new IOException(describe() + ": " + (watchdog.isDone() ? "write timed out (the printer stopped reading)"
                    : e.getMessage()), e);
        } finally {
            watchdog.cancel(false);
        }
    }

    private long wireMillis(int bytes) {
        int rate = bytesPerSecond();
        return rate <= 0 ? 0 : bytes * 1000L / rate;
    }

    @Override
    public int read(long timeoutMillis) throws IOException {
        try {
            Integer b = replies.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (b != null) {
                return b;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        ensureOpen();
        return -1;
    }

    @Override
    public void discardInput() throws IOException {
        ensureOpen();
        replies.clear();
    }

    @Override
    public boolean hasReplies() {
        return true;
    }

    private void ensureOpen() throws IOException {
        if (!open) {
            throw new IOException(describe() + ": " + (lostReason != null ? lostReason : "not connected"));
        }
    }

    @Override
    public synchronized void close() {
        open = false;
        closeQuietly(out);
        closeQuietly(in);
        disconnect();
        if (reader != null) {
            reader.interrupt();
            reader = null;
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a connection that is already gone
            }
        }
    }
}
