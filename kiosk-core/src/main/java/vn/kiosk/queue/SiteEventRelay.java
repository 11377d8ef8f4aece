package vn.kiosk.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.storage.StorageException;

/**
 * Copies the events of this kiosk's changes to the site queue (site_event, written in each
 * change's transaction) into its own outbox, which publishes them to MQTT with its seq: one
 * sequence per device, and nothing is lost when the broker or this kiosk is away. A copy is
 * committed here before it is deleted at the site; a copy repeated after a crash is ignored by id.
 * It runs after each of this kiosk's site commits and once a second.
 */
final class SiteEventRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SiteEventRelay.class);
    private static final int BATCH = 500;

    private record SiteEvent(long rowId, String id, String type, long ts, String data) { }

    private final QueueStores stores;
    private final Outbox outbox;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;

    SiteEventRelay(QueueStores stores, Outbox outbox) {
        this.stores = stores;
        this.outbox = outbox;
        this.thread = new Thread(this::loop, "site-event-relay");
        this.thread.setDaemon(true);
    }

    SiteEventRelay start() {
        thread.start();
        return this;
    }

    /** After a site commit of this kiosk: copy its events now. */
    void wake() {
        wake.release();
    }

    private void loop() {
        while (!closed) {
            try {
                wake.tryAcquire(1, TimeUnit.SECONDS);
                wake.drainPermits();
                if (stores.mode() == QueueMode.SITE) {
                    relayAll();
                }
            } catch (InterruptedException e) {
                return;
            } catch (StorageException e) {
                log.debug("site events not copied now (the site link will notice if the server is away): {}", e.getMessage());
            } catch (RuntimeException e) {
                log.warn("copying site events failed; retrying", e);
            }
        }
    }

    /** Copies until none is left; returns how many. */
    long relayAll() {
        long total = 0;
        while (true) {
            List<SiteEvent> batch = stores.site().tx().read(this::pending);
            if (batch.isEmpty()) {
                return total;
            }
            stores.local().inTransaction(c -> {
                for (SiteEvent e : batch) {
                    outbox.adopt(c, e.id(), e.type(), e.ts(), e.data());
                }
                return null;
            });
            stores.site().tx().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM site_event WHERE id = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("bigint", batch.stream().map(SiteEvent::rowId).toArray()));
                    ps.executeUpdate();
                }
                return null;
            });
            total += batch.size();
        }
    }

    private List<SiteEvent> pending(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, event_id, type, ts, data FROM site_event "
                + "WHERE device_id = ? ORDER BY id LIMIT " + BATCH)) {
            ps.setString(1, stores.site().deviceId());
            List<SiteEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SiteEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
                }
            }
            return out;
        }
    }

    @Override
    public void close() {
        closed = true;
        SiteLink.stop(thread);
    }
}
