package vn.kiosk.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.events.KioskEvents;

/**
 * Hears the other kiosks' ticket changes (PostgreSQL LISTEN on {@link SiteQueueStore#CHANNEL}, sent
 * when their transactions commit) and tells this kiosk's screens, as a {@link TicketChanged} from
 * the site: a ticket issued at one kiosk shows on every counter page and display of the centre
 * within a fraction of a second. Its own changes it told already. A lost connection is opened
 * again after a second; what changed meanwhile the screens read on their next refresh.
 */
final class SiteListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SiteListener.class);

    private final QueueStores stores;
    private final KioskEvents events;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    SiteListener(QueueStores stores, KioskEvents events) {
        this.stores = stores;
        this.events = events;
        this.thread = new Thread(this::loop, "site-listener");
        this.thread.setDaemon(true);
    }

    SiteListener start() {
        thread.start();
        return this;
    }

    private void loop() {
        String device = stores.site().deviceId();
        boolean warned = false;
        while (!closed) {
            try (Connection c = stores.site().database().dedicatedConnection("kiosk-listen/" + device)) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + SiteQueueStore.CHANNEL);
                }
                warned = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] batch = pg.getNotifications(500);
                    if (batch != null) {
                        for (PGNotification n : batch) {
                            heard(n.getParameter(), device);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!warned) {
                    log.info("not hearing the other kiosks' changes now ({}); trying again every second", e.getMessage());
                    warned = true;
                }
                try {
                    Thread.sleep(1000); // a retry interval, not a synchronisation
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void heard(String payload, String self) {
        String[] parts = payload.split(" ");
        if (parts.length != 3 || parts[0].equals(self)) {
            return;
        }
        TicketChanged.Change change;
        try {
            change = TicketChanged.Change.valueOf(parts[2]);
        } catch (IllegalArgumentException e) {
            log.debug("ignoring a site notification of an unknown change: {}", parts[2]);
            return;
        }
        SiteQueueStore site = stores.site();
        site.tx().read(c -> site.tickets().find(c, parts[1])).ifPresent(t ->
                events.publish(new TicketChanged(change, t, TicketChanged.Origin.OTHER_KIOSK)));
    }

    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        SiteLink.stop(thread);
    }
}
