package vn.kiosk.queue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Estimated wait = people ahead × typical service time ÷ counters serving.
 * The typical service time is the median of the most recent completed tickets of the service
 * (first call to completion): the median ignores the occasional ticket a clerk forgot to close.
 * With fewer than {@link #MIN_SAMPLES} samples the configured default is used. Counters serving
 * are those that called a ticket of the service in the last hour, else the configured ones.
 */
public record WaitEstimator(int defaultServiceMinutes) {

    static final int MIN_SAMPLES = 3;

    public double typicalMinutes(List<Long> recentDurationsMillis) {
        if (recentDurationsMillis.size() < MIN_SAMPLES) {
            return defaultServiceMinutes;
        }
        List<Long> sorted = new ArrayList<>(recentDurationsMillis);
        Collections.sort(sorted);
        int n = sorted.size();
        double medianMillis = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return Math.max(0.5, medianMillis / 60_000.0);
    }

    public int estimateMinutes(long peopleAhead, double typicalMinutes, int countersServing) {
        if (peopleAhead <= 0) {
            return 0;
        }
        return (int) Math.ceil(peopleAhead * typicalMinutes / Math.max(1, countersServing));
    }
}
