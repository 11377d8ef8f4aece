package vn.kiosk.console;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import vn.kiosk.db.PostgresUrl;

/** The console's PostgreSQL: a pool, and the schema migrated by Flyway (db/fleet) at start. */
final class FleetDb implements AutoCloseable {

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;

    FleetDb(PostgresUrl url) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url.jdbcUrl());
        c.setUsername(url.user());
        c.setPassword(url.password());
        c.setPoolName("fleet");
        c.setMaximumPoolSize(8);
        c.setConnectionTimeout(5000);
        c.addDataSourceProperty("ApplicationName", "kiosk-fleet-console");
        pool = new HikariDataSource(c);
        Flyway.configure().dataSource(pool).locations("classpath:db/fleet").loggers("slf4j").load().migrate();
    }

    /** One transaction: all or nothing. */
    <T> T tx(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fleet database: " + e.getMessage(), e);
        }
    }

    <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("fleet database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
