package vn.kiosk.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.storage.Transactions;

/**
 * Where {@link QueueService} keeps tickets: the kiosk's own SQLite file (one kiosk, or a kiosk of a
 * site in island mode) or the site's PostgreSQL. What differs between them is here; the rules of
 * the queue are the same for both.
 */
interface QueueStore {

    Transactions tx();

    /** A read of many rows (reports): SQLite reads them outside a transaction, not to hold its one write lock. */
    default <T> T readMany(Transactions.Work<T> work) {
        return tx().read(work);
    }

    TicketStore tickets();

    /** Inside a transaction: the next number of {@code service} for {@code day}, never given before that day. */
    String nextNumber(Connection c, LocalDate day, KioskConfig.Service service) throws SQLException;

    /** Inside the transaction of a change: its domain event, published to MQTT once committed. */
    void append(Connection c, String type, Instant ts, Record data) throws SQLException;

    /** Inside the transaction of a change: tells the other kiosks of the site once committed (nothing on a lone kiosk). */
    void announce(Connection c, TicketChanged.Change change, Ticket ticket) throws SQLException;

    /** Before a change that reads tickets to decide (call, finish, transfer): one such change at a time. */
    void lockQueue(Connection c) throws SQLException;

    /** The request id as this store keeps it (the site's holds every kiosk's requests). */
    String requestKey(String requestId);
}
