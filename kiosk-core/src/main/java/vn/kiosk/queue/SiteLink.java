package vn.kiosk.queue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.storage.SiteDatabase;
import vn.kiosk.storage.StorageException;

/**
 * Keeps a kiosk joined to its site's queue server: migrates the schema, registers the kiosk and
 * its island range (refused when it overlaps another kiosk's), merges what it issued on its own,
 * and then checks once a second that the server still answers, so that health says "island" even
 * when nobody takes a ticket. In island mode it knocks at the server's port five times a second
 * and joins again as soon as the port answers. Also runs the {@link SiteEventRelay} and the {@link SiteListener}.
 */
public final class SiteLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SiteLink.class);
    private static final long CHECK_MILLIS = 1000;
    /** In island mode: how often to knock at the server's port (a refused knock costs nothing; a join attempt does). */
    private static final long KNOCK_MILLIS = 200;
    private static final int KNOCK_TIMEOUT_MILLIS = 500;
    private static final long FACTS_EVERY = 10;

    private final QueueStores stores;
    private final SiteDatabase db;
    private final SiteEventRelay relay;
    private final SiteListener listener;
    private final IslandMerge merge;
    private final String version;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean closed;
    private boolean migrated;
    private String lastClash;

    private SiteLink(QueueStores stores, Outbox outbox, KioskEvents events, String version, Clock clock) {
        this.stores = stores;
        this.db = stores.site().database();
        this.relay = new SiteEventRelay(stores, outbox);
        this.listener = new SiteListener(stores, events);
        this.merge = new IslandMerge(stores);
        this.version = version;
        this.clock = clock;
        this.thread = new Thread(this::loop, "site-link");
        this.thread.setDaemon(true);
        stores.site().onEvent(relay::wake);
    }

    /** Joins the site now if its server answers (else the kiosk starts in island mode) and keeps it joined. */
    public static SiteLink start(QueueStores stores, Outbox outbox, KioskEvents events, String version, Clock clock) {
        SiteLink link = new SiteLink(stores, outbox, events, version, clock);
        link.join();
        if (stores.mode() == QueueMode.ISLAND) {
            stores.startedAway();
        }
        link.relay.start();
        link.listener.start();
        link.thread.start();
        return link;
    }

    private void loop() {
        long round = 0;
        long joinAfter = System.nanoTime();
        while (!closed) {
            boolean island = stores.mode() == QueueMode.ISLAND;
            try {
                Thread.sleep(island ? KNOCK_MILLIS : CHECK_MILLIS); // the check interval, not a synchronisation
            } catch (InterruptedException e) {
                return;
            }
            round++;
            if (island) {
                // the merge starts within a fifth of a second of the server's return; a server that
                // answers and still refuses the join (a password, a schema) is tried once a second, as before
                if (System.nanoTime() - joinAfter >= 0 && serverListens()) {
                    join();
                    joinAfter = System.nanoTime() + CHECK_MILLIS * 1_000_000;
                }
            } else {
                check(round % FACTS_EVERY == 0);
            }
        }
    }

    /** Migrate, register, merge, back on the site; on failure stays in island mode and says why. */
    private void join() {
        try {
            if (!migrated) {
                db.migrate();
                migrated = true;
            }
            register();
            stores.islandLock().lock();
            try {
                long merged = merge.mergeAll(clock.instant());
                stores.backOnSite(merged);
            } finally {
                stores.islandLock().unlock();
            }
            relay.wake();
            stores.siteFacts(db.schemaVersion(), db.replicationLagSeconds());
        } catch (StorageException e) {
            stores.stillAway(e.getMessage());
            if (!SiteDatabase.unreachable(e)) {
                log.error("cannot join the site queue on {}: {}", db.url(), e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            stores.stillAway(e.toString());
            log.error("cannot join the site queue on {}", db.url(), e);
        }
    }

    /** True when the server's port accepts a TCP connection (it may still refuse the database: join says). */
    private boolean serverListens() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(db.url().host(), db.url().port()), KNOCK_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void check(boolean facts) {
        try {
            db.read(c -> {
                try (var s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                return null;
            });
            if (facts) {
                stores.siteFacts(db.schemaVersion(), db.replicationLagSeconds());
            }
        } catch (StorageException e) {
            if (SiteDatabase.unreachable(e)) {
                stores.goIsland(e.getMessage());
            } else {
                log.warn("checking the site queue server failed: {}", e.getMessage());
            }
        }
    }

    /** Registers this kiosk and its island range; a range that overlaps another kiosk's is refused. */
    private void register() {
        IslandRange range = stores.islandRange();
        String device = stores.site().deviceId();
        String clash = db.inTransaction(c -> {
            SiteQueueStore.lock(c);
            if (range != null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT device_id, island_first, island_last FROM kiosk "
                        + "WHERE device_id <> ? AND island_first IS NOT NULL AND island_first <= ? AND island_last >= ?")) {
                    ps.setString(1, device);
                    ps.setInt(2, range.last());
                    ps.setInt(3, range.first());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return "queue.island.range " + range + " overlaps " + rs.getInt(2) + "-" + rs.getInt(3)
                                    + " of kiosk " + rs.getString(1) + "; give each kiosk of the site its own range";
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kiosk (device_id, island_first, island_last, version, "
                    + "registered_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET island_first = "
                    + "excluded.island_first, island_last = excluded.island_last, version = excluded.version, "
                    + "registered_at = excluded.registered_at")) {
                ps.setString(1, device);
                ps.setObject(2, range == null ? null : range.first(), java.sql.Types.INTEGER);
                ps.setObject(3, range == null ? null : range.last(), java.sql.Types.INTEGER);
                ps.setString(4, version);
                ps.setLong(5, clock.millis());
                ps.executeUpdate();
            }
            return null;
        });
        stores.islandRefused(clash);
        if (clash != null && !clash.equals(lastClash)) {
            log.error("the site refused this kiosk's island range: {}; without the site server it will hand out no number",
                    clash);
        }
        lastClash = clash;
    }

    @Override
    public void close() {
        closed = true;
        stop(thread);
        listener.close();
        relay.close();
    }

    /** Interrupts one of the site link's threads and waits for it a little (they all end at an interrupt). */
    static void stop(Thread thread) {
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
