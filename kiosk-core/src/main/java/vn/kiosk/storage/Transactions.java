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

    /**
     * As {@link #inTransaction}, but the commit is not waited for on the disk (SQLite: WAL with
     * synchronous=NORMAL; PostgreSQL: synchronous_commit off). It survives a crash of the kiosk;
     * a power cut may lose such commits of the last fraction of a second, never one committed the
     * durable way after them. For facts a power cut makes harmless to lose (a print outcome:
     * the ticket shows "pending" and staff may reprint), never for a ticket.
     */
    default <T> T inTransactionSyncedLater(Work<T> work) {
        return inTransaction(work);
    }

    /** Runs read-only {@code work} outside a transaction. */
    <T> T read(Work<T> work);

    /** Inside {@link #inTransaction}: runs {@code action} once this transaction has committed, never if it rolls back. */
    void afterCommit(Runnable action);
}
