package vn.kiosk.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The kiosk's SQLite database. One connection, one lock: SQLite has a single writer anyway, and a
 * durable commit costs well under a millisecond, so serialising callers is both simplest and fast.
 * WAL with synchronous=FULL fsyncs the log at every commit: an acknowledged write survives kill -9
 * and power loss.
 */
public final class Database implements AutoCloseable {

    /** Schema scripts in order; user_version records how many have run. */
    private static final List<String> MIGRATIONS = List.of("/db/V1__queue_and_outbox.sql", "/db/V2__drinks.sql",
            "/db/V3__command_request.sql");

    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    private boolean closed;

    private Database(Connection connection) {
        this.connection = connection;
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
        Database db = new Database(c);
        db.migrate();
        return db;
    }

    /** Work that uses the connection; it may throw SQLException. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: all of it is committed (durably) or none of it. */
    public <T> T inTransaction(Work<T> work) {
        lock.lock();
        try {
            ensureOpen();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("database transaction failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs read-only {@code work} outside a transaction. */
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
                closed = true;
                connection.close();
            }
        } catch (SQLException e) {
            throw new StorageException("closing the database failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
