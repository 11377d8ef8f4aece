package vn.kiosk.console.sim;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Millisecond delays counted in buckets of 1 ms up to a minute (the last bucket takes the rest), so
 * that many threads can record without a lock and a benchmark can read percentiles of a window.
 */
public final class LagHistogram {

    private static final int MAX_MILLIS = 60_000;
    private final AtomicLongArray counts = new AtomicLongArray(MAX_MILLIS + 1);

    void record(long millis) {
        counts.incrementAndGet((int) Math.max(0, Math.min(MAX_MILLIS, millis)));
    }

    /** Starts a new window. */
    public void reset() {
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, 0);
        }
    }

    public long count() {
        long n = 0;
        for (int i = 0; i < counts.length(); i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The nearest-rank quantile in milliseconds (0 when nothing was recorded). */
    public long quantile(double q) {
        long total = count();
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank && seen > 0) {
                return i;
            }
        }
        return 0;
    }
}
