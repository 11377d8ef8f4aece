package vn.kiosk.scanning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.queue.Channel;
import vn.kiosk.queue.TicketChanged;

/**
 * The current citizen's scanned ID card, in memory only: wiped when their ticket is issued, when
 * someone else scans, and by a timer at the idle timeout, whether or not anything reads it again
 * (a card left behind must not wait in memory for the next citizen). Nothing of it is written anywhere.
 */
public final class CitizenSession implements AutoCloseable {

    private final Clock clock;
    private final Duration idle;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "citizen-session");
        t.setDaemon(true);
        return t;
    });
    private CitizenId current;
    private Instant touched;
    private ScheduledFuture<?> expiry;

    /** Wipes itself when a touchscreen ticket is issued: the citizen has their ticket, their card is forgotten. */
    public CitizenSession(Clock clock, Duration idle, KioskEvents events) {
        this.clock = clock;
        this.idle = idle;
        events.subscribe(TicketChanged.class, this::ticketChanged);
    }

    private void ticketChanged(TicketChanged e) {
        if (e.change() == TicketChanged.Change.ISSUED && e.ticket().channel() == Channel.TOUCHSCREEN
                && e.origin() == TicketChanged.Origin.THIS_KIOSK) {
            wipe();
        }
    }

    public synchronized void start(CitizenId id) {
        current = id;
        touched = clock.instant();
        if (expiry != null) {
            expiry.cancel(false);
        }
        expiry = timer.schedule(() -> expire(id), idle.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized Optional<CitizenId> current() {
        if (current != null && !clock.instant().isBefore(touched.plus(idle))) {
            wipe();
        }
        return Optional.ofNullable(current);
    }

    /** The timer's wipe: only the card it was set for (a newer scan has its own timer). */
    private synchronized void expire(CitizenId id) {
        if (current == id) {
            wipe();
        }
    }

    public synchronized void wipe() {
        current = null;
        touched = null;
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
    }

    @Override
    public void close() {
        wipe();
        timer.shutdownNow();
    }
}
