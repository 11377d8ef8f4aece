package vn.kiosk.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.storage.Transactions;

/**
 * The kiosk's one event flow: an application service publishes a {@link KioskEvent} after its
 * transaction commits, and each feature that cares subscribes to the type itself (the composition
 * root only hands this bus around). Delivery is synchronous, on the publisher's thread, in the order
 * of subscription: one publisher's events arrive in the order it published them. So a subscriber
 * must not block (the live screens only queue a frame per stream), and one that throws is logged
 * and skipped: it never fails the publisher, whose change is already committed, nor the others.
 */
public final class KioskEvents {

    private static final Logger log = LoggerFactory.getLogger(KioskEvents.class);

    private record Subscriber<E extends KioskEvent>(Class<E> type, Consumer<? super E> action) {
        void offer(KioskEvent event) {
            if (type.isInstance(event)) {
                action.accept(type.cast(event));
            }
        }
    }

    private final List<Subscriber<?>> subscribers = new CopyOnWriteArrayList<>();

    /** {@code action} hears every event that is a {@code type} (an interface or a record). */
    public <E extends KioskEvent> void subscribe(Class<E> type, Consumer<? super E> action) {
        subscribers.add(new Subscriber<>(type, action));
    }

    /**
     * Tells the subscribers now. For a change a transaction writes, call this after the transaction
     * returned, or {@link #publishAfterCommit} inside it; for what nothing stores (a scan, a pour's
     * progress) call it when it happens.
     */
    public void publish(KioskEvent event) {
        for (Subscriber<?> s : subscribers) {
            try {
                s.offer(event);
            } catch (RuntimeException e) {
                // the class only: an event's fields are never logged (scans stay out of the log)
                log.warn("a subscriber of {} failed", event.getClass().getSimpleName(), e);
            }
        }
    }

    /** Inside one of {@code db}'s transactions: tells the subscribers once it has committed, never if it rolls back. */
    public void publishAfterCommit(Transactions db, KioskEvent event) {
        db.afterCommit(() -> publish(event));
    }
}
