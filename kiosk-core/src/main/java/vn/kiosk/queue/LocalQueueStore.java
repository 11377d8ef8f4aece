package vn.kiosk.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.problem.Problem;
import vn.kiosk.storage.Database;
import vn.kiosk.storage.Transactions;

/**
 * The kiosk's own SQLite file: the whole queue of a lone kiosk, or, for a kiosk of a site, the
 * tickets it hands out from its island range while the site's server is away. Events go straight
 * to the kiosk's outbox; SQLite has one writer, so no lock is needed.
 */
final class LocalQueueStore implements QueueStore {

    private final Database db;
    private final Outbox outbox;
    private final TicketStore tickets;
    private final IslandRange island;

    private LocalQueueStore(Database db, Outbox outbox, String deviceId, IslandRange island) {
        this.db = db;
        this.outbox = outbox;
        this.island = island;
        this.tickets = new TicketStore("rowid", deviceId, island != null);
    }

    /** A lone kiosk: numbers from each service's range. */
    static LocalQueueStore alone(Database db, Outbox outbox, String deviceId) {
        return new LocalQueueStore(db, outbox, deviceId, null);
    }

    /** A kiosk of a site in island mode: numbers from {@code range} only, merged into the site later. */
    static LocalQueueStore island(Database db, Outbox outbox, String deviceId, IslandRange range) {
        return new LocalQueueStore(db, outbox, deviceId, range);
    }

    @Override
    public Transactions tx() {
        return db;
    }

    Database database() {
        return db;
    }

    @Override
    public TicketStore tickets() {
        return tickets;
    }

    @Override
    public String nextNumber(Connection c, LocalDate day, KioskConfig.Service service) throws SQLException {
        if (island != null) {
            // its own sequence, apart from what this file counted before the kiosk joined a site
            long seq = tickets.nextSequence(c, day, "island:" + service.id());
            long value = island.first() + seq - 1;
            if (!island.contains(value)) {
                throw Problem.unavailable("island_range_used", "the site queue server cannot be reached and this kiosk has "
                        + "handed out every number of its island range " + island + " for " + service.id() + " today");
            }
            return TicketNumbers.format(service.prefix(), island.first(), Math.max(island.last(), service.numbers().last()), seq);
        }
        String number;
        do { // a number taken already (a range edited mid-day) is skipped, never reused
            long seq = tickets.nextSequence(c, day, service.id());
            number = TicketNumbers.format(service.prefix(), service.numbers().first(), service.numbers().last(), seq);
        } while (tickets.numberTaken(c, day, number));
        return number;
    }

    @Override
    public void append(Connection c, String type, Instant ts, Record data) throws SQLException {
        outbox.append(c, type, ts, data);
    }

    @Override
    public void announce(Connection c, TicketChanged.Change change, Ticket ticket) {
        // nobody else to tell
    }

    @Override
    public void lockQueue(Connection c) {
        // SQLite's IMMEDIATE transactions already hold the one write lock
    }

    @Override
    public String requestKey(String requestId) {
        return requestId;
    }
}
