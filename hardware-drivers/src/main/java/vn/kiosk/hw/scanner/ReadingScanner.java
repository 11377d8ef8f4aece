package vn.kiosk.hw.scanner;

import vn.kiosk.hw.DeviceStatus;

/**
 * What the serial, keyboard and camera scanners share: a reader thread of their own that delivers
 * codes through the {@link ScanFilter}, keeps going after the device disappears (retrying once a
 * second), and a status the kiosk polls.
 */
abstract class ReadingScanner implements QrScanner {

    private static final long RETRY_MS = 1_000;

    private final String threadName;
    private final ScanFilter filter;
    protected volatile boolean running;
    protected volatile DeviceStatus status = DeviceStatus.fault("OFFLINE", "not opened yet");
    private Thread reader;

    ReadingScanner(String threadName, ScanFilter filter) {
        this.threadName = threadName;
        this.filter = filter;
    }

    @Override
    public final void start(ScanListener listener) {
        running = true;
        ScanListener accepted = filter.wrap(listener);
        reader = new Thread(() -> read(accepted), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs on the reader thread while {@link #running}: open, read, deliver; return to stop. */
    protected abstract void read(ScanListener listener);

    /** Releases what blocks the reader (a port, a stream, a process) so it sees it must stop. */
    protected abstract void release();

    /** Waits before the next attempt to open a device that is not there. */
    protected final void pauseBeforeRetry() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public final DeviceStatus status() {
        return status;
    }

    @Override
    public final void close() {
        running = false;
        release();
        if (reader != null) {
            reader.interrupt();
        }
    }
}
