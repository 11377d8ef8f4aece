package vn.kiosk.fleet;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * One unbroken run of event publishes: at most {@code size} without a PUBACK, and the highest seq
 * whose predecessors in the run are all acknowledged (the only events that may be marked sent).
 * The first failure breaks the run: later PUBACKs no longer count, and the next run starts again
 * after the last acknowledged event.
 */
final class PublishWindow {

    private final int size;
    private final LongConsumer acknowledgedThrough;
    private final ArrayDeque<Long> unacknowledged = new ArrayDeque<>();
    private final Set<Long> acknowledgedEarly = new HashSet<>();
    private int outstanding;
    private boolean broken;

    /** @param acknowledgedThrough told each time the unbroken acknowledged prefix grows, with its last seq */
    PublishWindow(int size, LongConsumer acknowledgedThrough) {
        this.size = size;
        this.acknowledgedThrough = acknowledgedThrough;
    }

    /** Waits for room for one more publish; false when the run broke (or the wait ran out). */
    synchronized boolean awaitRoom(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!broken && unacknowledged.size() >= size) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return !broken;
    }

    /** Called before the publish, so its PUBACK always finds it here. */
    synchronized void sending(long seq) {
        unacknowledged.addLast(seq);
        outstanding++;
    }

    synchronized void acknowledged(long seq) {
        outstanding--;
        if (broken) {
            notifyAll();
            return;
        }
        acknowledgedEarly.add(seq);
        long through = -1;
        while (!unacknowledged.isEmpty() && acknowledgedEarly.remove(unacknowledged.peekFirst())) {
            through = unacknowledged.pollFirst();
        }
        if (through >= 0) {
            acknowledgedThrough.accept(through);
            notifyAll();
        }
    }

    /** A publish failed (the session ended, the client refused it): the run is over. */
    synchronized void failed() {
        outstanding--;
        abandon();
    }

    synchronized boolean isBroken() {
        return broken;
    }

    /** Ends the run (a failure, or a stop from outside); a publisher waiting for room returns. */
    synchronized void abandon() {
        broken = true;
        notifyAll();
    }

    /**
     * Waits until every publish of the run has its outcome (PUBACK or failure; Paho fails them all
     * when a session ends), or the time runs out: only then may the next run send them again.
     */
    synchronized void awaitSettled(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (outstanding > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
