package vn.kiosk.scanning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The current citizen's scanned ID card, in memory only: wiped when their ticket is issued, when
 * someone else scans, or after the idle timeout. Nothing of it is written anywhere.
 */
public final class CitizenSession {

    private final Clock clock;
    private final Duration idle;
    private CitizenId current;
    private Instant touched;

    public CitizenSession(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    public synchronized void start(CitizenId id) {
        current = id;
        touched = clock.instant();
    }

    public synchronized Optional<CitizenId> current() {
        if (current != null && clock.instant().isAfter(touched.plus(idle))) {
            current = null;
        }
        return Optional.ofNullable(current);
    }

    public synchronized void wipe() {
        current = null;
        touched = null;
    }
}
