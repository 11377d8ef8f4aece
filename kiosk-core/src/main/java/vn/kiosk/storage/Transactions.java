package vn.kiosk.storage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database the application services write through: the kiosk's SQLite file or the site's
 * PostgreSQL. A transaction commits all of its work or none, and what it hands to
 * {@link #afterCommit} runs only once it has committed.
 */
public interface Transactions {

    /** Work that uses the connection; it may throw SQLException. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction; a failure throws {@link StorageException} and keeps nothing. */
    <T> T inTransaction(Work<T> work);

    /** Runs read-only {@code work} outside a transaction. */
    <T> T read(Work<T> work);

    /** Inside {@link #inTransaction}: runs {@code action} once this transaction has committed, never if it rolls back. */
    void afterCommit(Runnable action);
}
