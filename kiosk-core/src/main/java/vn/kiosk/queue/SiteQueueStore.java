package vn.kiosk.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.storage.SiteDatabase;
import vn.kiosk.storage.Transactions;

/**
 * The site's queue on PostgreSQL, shared by every kiosk of a centre. Numbers come from one
 * sequence per service and day (its row lock orders concurrent issues), skipping the kiosks'
 * island ranges; changes to existing tickets take one transaction-scoped advisory lock, so two
 * counters never call the same ticket. Events go to site_event, from where the kiosk that made
 * the change copies them into its own outbox ({@link SiteEventRelay}); a NOTIFY tells the other
 * kiosks' screens ({@link SiteListener}).
 */
final class SiteQueueStore implements QueueStore {

    /** The channel every kiosk of the site LISTENs on; the payload is "device ticketId CHANGE". */
    static final String CHANNEL = "kiosk_queue";
    /** Any constant: the one lock of changes to existing tickets. */
    private static final long QUEUE_LOCK = 0x6b696f736bL;

    private final SiteDatabase db;
    private final Outbox outbox;
    private final String deviceId;
    private final TicketStore tickets;
    private volatile Runnable onEvent = () -> { };

    SiteQueueStore(SiteDatabase db, Outbox outbox, String deviceId) {
        this.db = db;
        this.outbox = outbox;
        this.deviceId = deviceId;
        this.tickets = new TicketStore("row_no", deviceId, false);
    }

    @Override
    public Transactions tx() {
        return db;
    }

    /** PostgreSQL's driver streams a large result only inside a transaction (which blocks no writer there). */
    @Override
    public <T> T readMany(Transactions.Work<T> work) {
        return db.inTransaction(work);
    }

    SiteDatabase database() {
        return db;
    }

    String deviceId() {
        return deviceId;
    }

    @Override
    public TicketStore tickets() {
        return tickets;
    }

    @Override
    public String nextNumber(Connection c, LocalDate day, KioskConfig.Service service) throws SQLException {
        List<IslandRange> islands = islandRanges(c);
        int first = service.numbers().first();
        while (true) {
            long seq = tickets.nextSequence(c, day, service.id());
            long value = first + seq - 1;
            IslandRange island = islands.stream().filter(r -> r.contains(value)).findFirst().orElse(null);
            if (island != null) { // jump past a kiosk's island range in one step
                skipTo(c, day, service.id(), island.last() - first + 1);
                continue;
            }
            String number = TicketNumbers.format(service.prefix(), first, service.numbers().last(), seq);
            if (!tickets.numberTaken(c, day, number)) {
                return number;
            }
        }
    }

    private static void skipTo(Connection c, LocalDate day, String serviceId, long lastSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE number_sequence SET last_seq = greatest(last_seq, ?) "
                + "WHERE business_day = ? AND service_id = ?")) {
            ps.setLong(1, lastSeq);
            ps.setString(2, day.toString());
            ps.setString(3, serviceId);
            ps.executeUpdate();
        }
    }

    static List<IslandRange> islandRanges(Connection c) throws SQLException {
        List<IslandRange> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT island_first, island_last FROM kiosk WHERE island_first IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new IslandRange(rs.getInt(1), rs.getInt(2)));
            }
        }
        return out;
    }

    @Override
    public void append(Connection c, String type, Instant ts, Record data) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO site_event (event_id, device_id, type, ts, data) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, deviceId);
            ps.setString(3, type);
            ps.setLong(4, ts.toEpochMilli());
            ps.setString(5, outbox.dataOf(type, data));
            ps.executeUpdate();
        }
        db.afterCommit(onEvent);
    }

    /** What runs after a transaction of this kiosk that wrote events has committed (the relay's wake-up). */
    void onEvent(Runnable action) {
        onEvent = action;
    }

    @Override
    public void announce(Connection c, TicketChanged.Change change, Ticket ticket) throws SQLException {
        notify(c, deviceId, ticket.id(), change);
    }

    static void notify(Connection c, String deviceId, String ticketId, TicketChanged.Change change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, deviceId + " " + ticketId + " " + change.name());
            ps.execute();
        }
    }

    @Override
    public void lockQueue(Connection c) throws SQLException {
        lock(c);
    }

    static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, QUEUE_LOCK);
            ps.execute();
        }
    }

    @Override
    public String requestKey(String requestId) {
        return requestId == null ? null : requestKey(deviceId, requestId);
    }

    /** Two kiosks' callers may choose the same request id: the site keeps them apart. */
    static String requestKey(String deviceId, String requestId) {
        return deviceId + "|" + requestId;
    }
}
