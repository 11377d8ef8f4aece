package vn.kiosk.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.problem.Problem;
import vn.kiosk.storage.Database;
import vn.kiosk.storage.SiteDatabase;
import vn.kiosk.storage.StorageException;

/**
 * Which store an operation of {@link QueueService} runs on. A lone kiosk: always its own file. A
 * kiosk of a site: the site's server while it answers; when it does not (the operation fails with a
 * connection error), the kiosk goes to island mode at once and the operation runs again on its own
 * file, where it hands out numbers from its island range; {@link SiteLink} brings it back and
 * merges. Island operations and the merge hold one lock, so a ticket is never changed half-merged.
 */
public final class QueueStores {

    private static final Logger log = LoggerFactory.getLogger(QueueStores.class);

    /** An operation of the queue on one store. */
    @FunctionalInterface
    interface Operation<T> {
        T on(QueueStore store);
    }

    private final QueueStore alone;
    private final SiteQueueStore site;
    private final LocalQueueStore island;
    private final IslandRange islandRange;
    private final Database local;
    private final Outbox outbox;
    private final Clock clock;
    private final ReentrantLock islandLock = new ReentrantLock();
    private volatile QueueMode mode;
    private volatile Instant islandSince;
    private volatile String problem;
    private volatile String islandRefused;
    private volatile String schemaVersion;
    private volatile Double replicationLag;
    private volatile boolean joined;

    private QueueStores(QueueStore alone, SiteQueueStore site, LocalQueueStore island, IslandRange islandRange,
                        Database local, Outbox outbox, Clock clock, QueueMode mode) {
        this.alone = alone;
        this.site = site;
        this.island = island;
        this.islandRange = islandRange;
        this.local = local;
        this.outbox = outbox;
        this.clock = clock;
        this.mode = mode;
    }

    /** A lone kiosk: the queue is its own SQLite file. */
    public static QueueStores alone(Database db, Outbox outbox, String deviceId) {
        return new QueueStores(LocalQueueStore.alone(db, outbox, deviceId), null, null, null, db, outbox, null,
                QueueMode.LOCAL);
    }

    /** A kiosk of a site; island mode until {@link SiteLink} has joined the site. */
    public static QueueStores site(SiteDatabase siteDb, Database local, Outbox outbox, String deviceId, IslandRange range,
                                   Clock clock) {
        QueueStores s = new QueueStores(null, new SiteQueueStore(siteDb, outbox, deviceId),
                range == null ? null : LocalQueueStore.island(local, outbox, deviceId, range), range, local, outbox, clock,
                QueueMode.ISLAND);
        s.islandSince = clock.instant();
        s.problem = "not yet connected to the site queue server " + siteDb.url();
        return s;
    }

    public QueueMode mode() {
        return mode;
    }

    /**
     * Runs {@code op} where tickets go now. On a site whose server stops answering, the kiosk goes to
     * island mode and runs it again there (a ticket is issued from the island range; a ticket that
     * only the site holds is answered with 503 site_unreachable).
     */
    <T> T run(Operation<T> op) {
        if (alone != null) {
            return op.on(alone);
        }
        while (true) {
            if (mode == QueueMode.SITE) {
                try {
                    return op.on(site);
                } catch (StorageException e) {
                    if (!SiteDatabase.unreachable(e)) {
                        throw e;
                    }
                    goIsland(e.getMessage());
                }
            }
            islandLock.lock();
            try {
                if (mode == QueueMode.ISLAND) { // not back on the site while this waited for the merge
                    return onIsland(op);
                }
            } finally {
                islandLock.unlock();
            }
        }
    }

    private <T> T onIsland(Operation<T> op) {
        if (island == null) {
            throw Problem.unavailable("site_unreachable", "the site queue server cannot be reached (" + problem
                    + ") and this kiosk has no island range (queue.island.range), so it cannot hand out numbers on its own");
        }
        if (islandRefused != null) {
            throw Problem.unavailable("island_range_clash", "the site queue server cannot be reached and this kiosk's "
                    + "island range was refused by the site: " + islandRefused);
        }
        return op.on(island);
    }

    /** The answer for a ticket id this kiosk does not hold: in island mode, it may be in the site queue. */
    Problem missingTicket(String id) {
        if (mode == QueueMode.ISLAND) {
            return Problem.unavailable("site_unreachable", "ticket '" + id + "' is not among the tickets this kiosk issued "
                    + "on its own; it may be in the site queue, which this kiosk cannot reach now (" + problem + ")");
        }
        return Problem.notFound("unknown_ticket", "no ticket with id '" + id + "'");
    }

    /** The site's server stopped answering: tickets go to the island range from now on. */
    void goIsland(String reason) {
        synchronized (this) {
            if (mode != QueueMode.SITE) {
                return;
            }
            mode = QueueMode.ISLAND;
            islandSince = clock.instant();
            problem = reason;
        }
        log.warn("the site queue server cannot be reached ({}); island mode: numbers {} from this kiosk alone until it is back",
                reason, islandRange == null ? "(none: no queue.island.range)" : islandRange);
        outbox.record(local, "queue.island", clock.instant(), new QueueModeEventData(QueueMode.ISLAND, reason, 0));
    }

    /** The kiosk started without its site's server: island mode from the start. */
    void startedAway() {
        log.warn("the site queue server cannot be reached at start ({}); island mode: numbers {} from this kiosk alone "
                + "until it is back", problem, islandRange == null ? "(none: no queue.island.range)" : islandRange);
        outbox.record(local, "queue.island", clock.instant(), new QueueModeEventData(QueueMode.ISLAND, problem, 0));
    }

    /** Joined (again): what was issued alone has been merged; tickets go to the site from now on. */
    void backOnSite(long merged) {
        QueueMode before;
        boolean first;
        synchronized (this) {
            before = mode;
            first = !joined;
            joined = true;
            mode = QueueMode.SITE;
            problem = null;
        }
        if (first && merged == 0) {
            log.info("joined the site queue on {}", site.database().url());
        } else if (before == QueueMode.ISLAND) {
            log.info("back on the site queue server {} (island mode since {}; {} island tickets merged)",
                    site.database().url(), islandSince, merged);
            outbox.record(local, "queue.site", clock.instant(), new QueueModeEventData(QueueMode.SITE, null, merged));
        }
    }

    void stillAway(String reason) {
        problem = reason;
    }

    void islandRefused(String reason) {
        islandRefused = reason;
    }

    /** Holds island operations off while the merge runs. */
    ReentrantLock islandLock() {
        return islandLock;
    }

    SiteQueueStore site() {
        return site;
    }

    Database local() {
        return local;
    }

    IslandRange islandRange() {
        return islandRange;
    }

    String problem() {
        String refused = islandRefused;
        return refused != null ? "island range refused: " + refused : problem;
    }

    /** A kiosk of a site (as against a lone kiosk with its own queue). */
    public boolean isSite() {
        return site != null;
    }

    void siteFacts(String schemaVersion, Double replicationLagSeconds) {
        this.schemaVersion = schemaVersion;
        this.replicationLag = replicationLagSeconds;
    }

    /** For health, /api/queue, telemetry and the monitor; cheap (one count on the kiosk's file). */
    public QueueStoreStatus status() {
        if (alone != null) {
            return QueueStoreStatus.local();
        }
        long pending = local.read(IslandMerge::pending);
        return new QueueStoreStatus("postgresql", mode, pending, islandRange == null ? null : islandRange.toString(),
                schemaVersion, replicationLag, mode == QueueMode.SITE && islandRefused == null ? null : problem());
    }
}
