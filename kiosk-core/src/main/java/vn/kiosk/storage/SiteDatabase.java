package vn.kiosk.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import vn.kiosk.db.PostgresUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's PostgreSQL, shared by every kiosk of a centre: a small connection pool (HikariCP), the
 * schema migrated by Flyway (db/postgresql; several kiosks starting at once are serialised by
 * Flyway's own lock), and short timeouts, so that a server that went away is noticed in about a
 * second and the kiosk goes on in island mode instead of keeping a citizen waiting.
 * Transactions commit with PostgreSQL's default synchronous_commit: an acknowledged write is on the
 * server's disk (and on a synchronous standby when one is configured there).
 */
public final class SiteDatabase implements Transactions, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SiteDatabase.class);
    /** Seconds to wait for a connection to a server that does not answer (a cut cable, not a refusal). */
    private static final int CONNECT_TIMEOUT_SECONDS = 2;
    /** Seconds a statement may wait for the server's answer before the connection counts as lost. */
    private static final int SOCKET_TIMEOUT_SECONDS = 10;

    private final PostgresUrl url;
    private final HikariDataSource pool;
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    private SiteDatabase(PostgresUrl url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
    }

    /** Opens the pool without connecting: the server may be away when the kiosk starts (island mode). */
    public static SiteDatabase open(PostgresUrl url, String applicationName) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url.jdbcUrl());
        c.setUsername(url.user());
        c.setPassword(url.password());
        c.setPoolName("site-queue");
        c.setMaximumPoolSize(6);
        // No idle minimum: with one, Hikari's connection adder keeps retrying a server that is away with a
        // back-off growing to 5 s, and a server that came back would wait that long for its first connection
        // (a merge took 5.4 s). Without it every attempt starts afresh; the site link's check each second keeps one warm.
        c.setMinimumIdle(0);
        c.setConnectionTimeout(1000);
        c.setValidationTimeout(500);
        c.setInitializationFailTimeout(-1);
        c.setKeepaliveTime(30_000);
        c.setDataSourceProperties(driverProperties(applicationName));
        return new SiteDatabase(url, new HikariDataSource(c));
    }

    private static Properties driverProperties(String applicationName) {
        Properties p = new Properties();
        p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", applicationName);
        return p;
    }

    /** Creates or updates the schema; returns its version. Throws StorageException when the server cannot be reached. */
    public String migrate() {
        try {
            var result = Flyway.configure().dataSource(pool).locations("classpath:db/postgresql")
                    .loggers("slf4j").load().migrate();
            if (result.migrationsExecuted > 0) {
                log.info("site queue schema migrated to version {} on {}", result.targetSchemaVersion, url);
            }
            return schemaVersion();
        } catch (RuntimeException e) {
            throw new StorageException("cannot migrate the site queue schema on " + url + ": " + e.getMessage(), e);
        }
    }

    /** The newest applied schema version, as Flyway recorded it. */
    public String schemaVersion() {
        return read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                            + "ORDER BY installed_rank DESC LIMIT 1")) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    /**
     * The largest replay lag of this server's standbys in seconds, or null when it has none (or
     * this role may not see them: pg_monitor shows the lag).
     */
    public Double replicationLagSeconds() {
        return read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT count(*), max(extract(epoch FROM coalesce(replay_lag, interval '0'))) FROM pg_stat_replication")) {
                rs.next();
                return rs.getLong(1) == 0 ? null : rs.getDouble(2);
            }
        });
    }

    /** PostgreSQL's asynchronous commit: the WAL writer flushes it within 3 x wal_writer_delay (0.6 s by default). */
    @Override
    public <T> T inTransactionSyncedLater(Work<T> work) {
        return inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.execute("SET LOCAL synchronous_commit TO OFF");
            }
            return work.run(c);
        });
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        if (afterCommit.get() != null) {
            throw new IllegalStateException("nested site transaction");
        }
        List<Runnable> committed = new ArrayList<>();
        T result;
        afterCommit.set(committed);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try { // the pool sets autocommit back when the connection returns to it
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("site queue transaction failed", e);
        } finally {
            afterCommit.remove();
        }
        for (Runnable action : committed) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("an action after a site commit failed (the transaction stands)", e);
            }
        }
        return result;
    }

    @Override
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure("site queue read failed", e);
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        List<Runnable> actions = afterCommit.get();
        if (actions == null) {
            throw new IllegalStateException("afterCommit outside a site transaction");
        }
        actions.add(action);
    }

    /** A connection of its own, outside the pool (LISTEN needs one that stays). */
    public Connection dedicatedConnection(String applicationName) throws SQLException {
        Properties p = driverProperties(applicationName);
        p.setProperty("user", url.user());
        if (url.password() != null) {
            p.setProperty("password", url.password());
        }
        return DriverManager.getConnection(url.jdbcUrl(), p);
    }

    public PostgresUrl url() {
        return url;
    }

    private StorageException failure(String what, SQLException e) {
        return new StorageException(what + " (" + url + "): " + e.getMessage(), e);
    }

    /**
     * True when {@code e} says the server could not be reached or went away (connection refused,
     * reset, timed out, shut down, no connection from the pool in time), as against a statement the
     * server refused: the first sends the kiosk to island mode, the second is a bug or bad data.
     */
    public static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SocketException || t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                // 08: connection exception; 57P01-3: admin/crash shutdown, cannot connect now; 53300: too many connections
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
