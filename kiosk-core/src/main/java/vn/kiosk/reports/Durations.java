package vn.kiosk.reports;

import java.util.Arrays;

/**
 * Durations of one group (a service's waits, a counter's service times), and their nearest-rank
 * percentiles in minutes with one decimal: p50 is the smallest duration that at least half of them
 * do not exceed. A primitive array: a 90-day report holds some 100,000 of them.
 */
final class Durations {

    private long[] millis = new long[16];
    private int size;
    private boolean sorted = true;

    void add(long value) {
        if (size == millis.length) {
            millis = Arrays.copyOf(millis, size * 2);
        }
        millis[size++] = value;
        sorted = false;
    }

    int count() {
        return size;
    }

    /** The q-quantile (0 < q <= 1) in minutes, or null when there is none. */
    Double minutes(double q) {
        if (size == 0) {
            return null;
        }
        if (!sorted) {
            Arrays.sort(millis, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(q * size);
        return Math.round(millis[Math.max(0, rank - 1)] / 6_000.0) / 10.0;
    }

    Summary.Minutes percentiles() {
        return new Summary.Minutes(minutes(0.5), minutes(0.9));
    }
}
