package vn.kiosk.web;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import vn.kiosk.problem.Problem;

/**
 * Counts requests being handled so a shutdown can finish them instead of cutting them off;
 * once closing, new requests are refused with 503 so the count can only fall.
 */
final class InFlight {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int count;
    private boolean closing;

    void enter() {
        lock.lock();
        try {
            if (closing) {
                throw new Problem(503, "shutting_down", "the kiosk is shutting down; try again in a moment");
            }
            count++;
        } finally {
            lock.unlock();
        }
    }

    void leave() {
        lock.lock();
        try {
            if (count > 0 && --count == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void closeAndAwait(long timeoutMillis) {
        lock.lock();
        try {
            closing = true;
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (count > 0 && nanos > 0) {
                nanos = idle.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
