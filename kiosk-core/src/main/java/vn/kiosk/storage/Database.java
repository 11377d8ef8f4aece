package vn.kiosk.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The kiosk's SQLite database. One connection, one lock: SQLite has a single writer anyway, and a
 * durable commit costs well under a millisecond, so serialising callers is both simplest and fast.
 * WAL with synchronous=FULL fsyncs the log at every commit: an acknowledged write survives kill -9
 * and power loss.
 *
 * <p>A write the disk refuses (full, read-only, failing) is remembered as a {@link StorageFault}
 * until a write succeeds again, so health can say what is wrong: a trivial read still works on a
 * full disk. SQLite rolls such a transaction back by itself and the connection stays usable, so
 * the first write after space returns simply works.
 */
public final class Database implements Transactions, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** How long a commit synced later may wait for its sync when no durable commit comes first. */
    static final long SYNC_LATER_MILLIS = 100;
    private static final long SYNC_RETRY_MAX_MILLIS = 5000;
    /** How often a remembered fault may be re-checked with a real write (health may be asked often). */
    private static final long RECHECK_MILLIS = 1000;

    /** Schema scripts in order; user_version records how many have run. */
    private static final List<String> MIGRATIONS = List.of("/db/V1__queue_and_outbox.sql", "/db/V2__drinks.sql",
            "/db/V3__command_request.sql", "/db/V4__island_tickets.sql", "/db/V5__first_call.sql");

    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition syncPending = lock.newCondition();
    private final Connection connection;
    private final DiskProbe disk;
    private boolean closed;
    /** What runs once the open transaction has committed; guarded by lock, null outside a transaction. */
    private List<Runnable> afterCommit;
    private volatile StorageFault fault;
    /** Commits synced later that no fsync has covered yet, and System.nanoTime() of the first; guarded by lock. */
    private int unsynced;
    private long unsyncedSince;
    private Thread syncer;
    private long syncRetryMillis = SYNC_LATER_MILLIS;
    private volatile long lastRecheckNanos;

    private Database(Connection connection, DiskProbe disk) {
        this.connection = connection;
        this.disk = disk;
    }

    public static Database open(Path file) throws SQLException {
        SqliteNativeLibrary.prepare(file.toAbsolutePath().getParent().resolve("native"));
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Database db = new Database(c, new DiskProbe(file.toAbsolutePath().getParent()));
        db.migrate();
        return db;
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed (durably) or none of it. What the
     * work handed to {@link #afterCommit} runs after the commit, outside the lock, on this thread.
     */
    @Override
    public <T> T inTransaction(Work<T> work) {
        return inTransaction(work, false);
    }

    /**
     * WAL with synchronous=NORMAL for this one commit: no fsync now. The next durable commit's
     * fsync of the log covers it, and when none comes within {@value #SYNC_LATER_MILLIS} ms a
     * checkpoint does (it syncs the log first). A kill -9 loses nothing: the data is in the OS.
     */
    @Override
    public <T> T inTransactionSyncedLater(Work<T> work) {
        return inTransaction(work, true);
    }

    private <T> T inTransaction(Work<T> work, boolean syncLater) {
        T result;
        List<Runnable> committed;
        lock.lock();
        List<Runnable> enclosing = afterCommit;
        boolean relaxed = false;
        try {
            ensureOpen();
            if (syncLater && enclosing == null) {
                pragma("PRAGMA synchronous=NORMAL");
                relaxed = true;
            }
            afterCommit = new ArrayList<>();
            result = transaction(work);
            committed = afterCommit;
            if (relaxed) {
                syncSoon();
            } else if (enclosing == null) {
                unsynced = 0; // this commit's fsync of the log covered the earlier ones
            }
            writesWork();
        } catch (SQLException e) {
            StorageFault f = writeFailed(e);
            throw new StorageException("database transaction failed: " + (f == null ? "" : f.describe() + ": ")
                    + e.getMessage(), e, f);
        } finally {
            afterCommit = enclosing; // a rolled-back transaction's actions are dropped here
            if (relaxed) {
                try {
                    pragma("PRAGMA synchronous=FULL");
                } catch (SQLException e) {
                    log.warn("could not set synchronous=FULL again", e);
                }
            }
            lock.unlock();
        }
        for (Runnable action : committed) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("an action after commit failed (the transaction stands)", e);
            }
        }
        return result;
    }

    private void pragma(String sql) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** Puts the commits synced later on disk: a checkpoint syncs the log before copying it. */
    private void checkpoint() throws SQLException {
        pragma("PRAGMA wal_checkpoint(PASSIVE)");
    }

    /** Under the lock: counts the commit and makes sure the syncer will cover it. */
    private void syncSoon() {
        if (unsynced++ == 0) {
            unsyncedSince = System.nanoTime();
        }
        if (syncer == null) {
            syncer = new Thread(this::syncLoop, "db-sync");
            syncer.setDaemon(true);
            syncer.start();
        }
        syncPending.signalAll();
    }

    /** Syncs commits made without an fsync once they have waited their time and no durable commit came. */
    private void syncLoop() {
        lock.lock();
        try {
            while (!closed) {
                if (unsynced == 0) {
                    syncPending.await();
                    continue;
                }
                // a durable commit within the time covers them (the usual case while tickets come)
                long due = unsyncedSince + SYNC_LATER_MILLIS * 1_000_000 - System.nanoTime();
                if (due > 0) {
                    syncPending.awaitNanos(due);
                    continue;
                }
                if (!closed && afterCommit == null) {
                    try {
                        checkpoint();
                        unsynced = 0;
                        syncRetryMillis = SYNC_LATER_MILLIS;
                    } catch (SQLException e) {
                        // a full or read-only disk: try again later, never spin holding the lock
                        if (syncRetryMillis == SYNC_LATER_MILLIS) {
                            log.warn("syncing the database failed; trying again later: {}", e.getMessage());
                        }
                        syncRetryMillis = Math.min(syncRetryMillis * 2, SYNC_RETRY_MAX_MILLIS);
                        unsyncedSince = System.nanoTime() + (syncRetryMillis - SYNC_LATER_MILLIS) * 1_000_000;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Commits made without an fsync that none has covered yet (for tests). */
    int unsyncedCommits() {
        lock.lock();
        try {
            return unsynced;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Inside {@link #inTransaction}: runs {@code action} once this transaction has committed, never
     * if it rolls back (post-commit events: nobody hears of a change that did not happen).
     */
    @Override
    public void afterCommit(Runnable action) {
        if (!lock.isHeldByCurrentThread() || afterCommit == null) {
            throw new IllegalStateException("afterCommit outside a transaction");
        }
        afterCommit.add(action);
    }

    private <T> T transaction(Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        T result;
        try {
            result = work.run(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(e);
            endTransaction(e);
            throw e;
        }
        endTransaction(null);
        return result;
    }

    /**
     * Back to autocommit. After SQLITE_FULL or an I/O error SQLite has already rolled back, so the
     * "commit" this issues fails with "no transaction is active": that must not hide the real error.
     */
    private void endTransaction(Exception failure) throws SQLException {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private StorageFault writeFailed(SQLException e) {
        StorageFault now = StorageFault.of(e, disk, Instant.now());
        if (now == null) {
            return null;
        }
        StorageFault before = fault;
        if (before == null || before.kind() != now.kind()) {
            fault = now;
            log.error("the database cannot write: {}; tickets cannot be issued until this is fixed (the kiosk retries by itself)",
                    now.describe(), e);
            return now;
        }
        log.warn("the database still cannot write: {}", before.describe());
        return before;
    }

    private void writesWork() {
        StorageFault before = fault;
        if (before != null) {
            fault = null;
            log.info("the database writes again (it could not since {}: {})", before.since(), before.describe());
        }
    }

    /** What the disk refused at the last write, or null when the last write worked. */
    public StorageFault writeFault() {
        return fault;
    }

    /**
     * When a write failed, checks whether writes work again (at most once a second): the data
     * directory takes a small file, then an empty write commits ({@code PRAGMA user_version}
     * rewritten with its own value). Clears the fault on success, so health recovers without
     * waiting for the next ticket. Returns the fault that remains, or null.
     */
    public StorageFault recheckWrites() {
        StorageFault f = fault;
        long now = System.nanoTime();
        if (f == null || now - lastRecheckNanos < RECHECK_MILLIS * 1_000_000L) {
            return f;
        }
        lastRecheckNanos = now;
        if (disk.problem() != null) {
            return fault;
        }
        try {
            inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    var rs = s.executeQuery("PRAGMA user_version");
                    int version = rs.next() ? rs.getInt(1) : 0;
                    rs.close();
                    s.executeUpdate("PRAGMA user_version = " + version);
                }
                return null;
            });
        } catch (StorageException e) {
            // still failing: inTransaction kept the fault
        }
        return fault;
    }

    /** The disk under the database, for free-space and writability checks. */
    public DiskProbe disk() {
        return disk;
    }

    /** Runs read-only {@code work} outside a transaction. */
    @Override
    public <T> T read(Work<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException("database read failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** True when the database answers a trivial query. */
    public boolean isHealthy() {
        try {
            return read(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeQuery("SELECT 1").next();
                }
            });
        } catch (StorageException e) {
            return false;
        }
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement s = connection.createStatement()) {
            var rs = s.executeQuery("PRAGMA user_version");
            version = rs.next() ? rs.getInt(1) : 0;
        }
        for (int i = version; i < MIGRATIONS.size(); i++) {
            String script = resource(MIGRATIONS.get(i));
            int next = i + 1;
            inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (String sql : script.split(";\\s*(\\r?\\n|$)")) {
                        if (!sql.isBlank()) {
                            s.executeUpdate(sql);
                        }
                    }
                    s.executeUpdate("PRAGMA user_version = " + next);
                }
                return null;
            });
        }
    }

    private static String resource(String name) {
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing schema script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema script " + name, e);
        }
    }

    private void ensureOpen() throws SQLException {
        if (closed) {
            throw new SQLException("the database is closed (the kiosk is shutting down)");
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Waits for the transaction in progress, then closes; later calls fail cleanly. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                if (unsynced > 0) {
                    try {
                        checkpoint(); // a clean stop leaves nothing unsynced
                    } catch (SQLException e) {
                        log.warn("could not sync the database on close: {}", e.getMessage());
                    }
                }
                closed = true;
                syncPending.signalAll();
                connection.close();
            }
        } catch (SQLException e) {
            throw new StorageException("closing the database failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
