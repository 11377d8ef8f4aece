package vn.kiosk.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * SQL for tickets and numbering, one dialect for the kiosk's SQLite file and the site's PostgreSQL
 * (same columns; only the column that orders rows inserted in the same millisecond differs). Every
 * method runs inside the caller's transaction.
 */
final class TicketStore {

    private static final String COLUMNS = "id, business_day, number, service_id, issued_service_id, priority, channel, "
            + "status, issued_at, called_at, counter_id, call_count, finished_at, print_state, print_error";

    /** SQLite's rowid or PostgreSQL's row_no: insertion order. */
    private final String rowOrder;
    /** Written with each ticket this store inserts: who issued it and whether in island mode. */
    private final String deviceId;
    private final boolean island;

    TicketStore(String rowOrder, String deviceId, boolean island) {
        this.rowOrder = rowOrder;
        this.deviceId = deviceId;
        this.island = island;
    }

    /** Hands out the next sequence of a service for a business day; never returns a value twice. */
    long nextSequence(Connection c, LocalDate day, String serviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO number_sequence (business_day, service_id, last_seq) VALUES (?, ?, 1) "
                        + "ON CONFLICT (business_day, service_id) DO UPDATE SET last_seq = number_sequence.last_seq + 1 RETURNING last_seq")) {
            ps.setString(1, day.toString());
            ps.setString(2, serviceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    boolean numberTaken(Connection c, LocalDate day, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ticket WHERE business_day = ? AND number = ?")) {
            ps.setString(1, day.toString());
            ps.setString(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    Optional<Ticket> findByRequest(Connection c, String requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ticket WHERE request_id = ?")) {
            ps.setString(1, requestId);
            return first(ps);
        }
    }

    void insert(Connection c, Ticket t, String requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket (" + COLUMNS + ", request_id, device_id, island) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, t.id());
            ps.setString(2, t.businessDay().toString());
            ps.setString(3, t.number());
            ps.setString(4, t.serviceId());
            ps.setString(5, t.issuedServiceId());
            ps.setString(6, t.priority());
            ps.setString(7, t.channel().id());
            ps.setString(8, t.status().id());
            ps.setLong(9, t.issuedAt().toEpochMilli());
            setInstant(ps, 10, t.calledAt());
            ps.setString(11, t.counterId());
            ps.setInt(12, t.callCount());
            setInstant(ps, 13, t.finishedAt());
            ps.setString(14, t.printState().id());
            ps.setString(15, t.printError());
            ps.setString(16, requestId);
            ps.setString(17, deviceId);
            ps.setBoolean(18, island);
            ps.executeUpdate();
        }
    }

    Optional<Ticket> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ticket WHERE id = ?")) {
            ps.setString(1, id);
            return first(ps);
        }
    }

    /** The longest-waiting ticket of the given services and class (priority or regular). */
    Optional<Ticket> oldestWaiting(Connection c, LocalDate day, Collection<String> serviceIds, boolean priority)
            throws SQLException {
        return waitingInOrder(c, day, serviceIds, priority, 1).stream().findFirst();
    }

    /** The waiting tickets of the given services and class (priority or regular), longest-waiting first. */
    List<Ticket> waitingInOrder(Connection c, LocalDate day, Collection<String> serviceIds, boolean priority, int limit)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM ticket WHERE business_day = ? AND status = 'issued' AND service_id IN ("
                + placeholders(serviceIds.size()) + ") AND priority IS " + (priority ? "NOT NULL" : "NULL")
                + " ORDER BY issued_at, " + rowOrder + " LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, day.toString());
            int i = 2;
            for (String s : serviceIds) {
                ps.setString(i++, s);
            }
            ps.setInt(i, limit);
            return all(ps);
        }
    }

    /** The tickets of a business day called last, newest call first (a recall counts as a new call). */
    List<Ticket> latestCalls(Connection c, LocalDate day, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ticket WHERE business_day = ? "
                + "AND called_at IS NOT NULL AND counter_id IS NOT NULL ORDER BY called_at DESC, " + rowOrder + " DESC LIMIT ?")) {
            ps.setString(1, day.toString());
            ps.setInt(2, limit);
            return all(ps);
        }
    }

    /** For this counter's latest calls, newest first: was each a priority ticket? */
    List<Boolean> recentCallsPriority(Connection c, LocalDate day, String counterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT priority IS NOT NULL FROM ticket WHERE business_day = ? "
                + "AND counter_id = ? AND service_started_at IS NOT NULL ORDER BY service_started_at DESC, " + rowOrder + " DESC LIMIT ?")) {
            ps.setString(1, day.toString());
            ps.setString(2, counterId);
            ps.setInt(3, limit);
            List<Boolean> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBoolean(1));
                }
            }
            return out;
        }
    }

    /** Tickets a counter is serving now (status called). */
    List<Ticket> calledAt(Connection c, String counterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ticket WHERE status = 'called' "
                + "AND counter_id = ? ORDER BY called_at")) {
            ps.setString(1, counterId);
            return all(ps);
        }
    }

    /** Tickets being served now, across counters, of one business day. */
    List<Ticket> nowServing(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ticket WHERE business_day = ? "
                + "AND status = 'called' ORDER BY called_at DESC")) {
            ps.setString(1, day.toString());
            return all(ps);
        }
    }

    void markCalled(Connection c, String id, String counterId, Instant now, boolean firstCallHere) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ticket SET status = 'called', counter_id = ?, called_at = ?, "
                + "call_count = call_count + 1, finished_at = NULL, first_called_at = coalesce(first_called_at, ?), "
                + "service_started_at = CASE WHEN ? THEN ? ELSE service_started_at END WHERE id = ?")) {
            ps.setString(1, counterId);
            ps.setLong(2, now.toEpochMilli());
            ps.setLong(3, now.toEpochMilli());
            ps.setBoolean(4, firstCallHere);
            ps.setLong(5, now.toEpochMilli());
            ps.setString(6, id);
            ps.executeUpdate();
        }
    }

    void markFinished(Connection c, String id, TicketStatus status, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ticket SET status = ?, finished_at = ? WHERE id = ?")) {
            ps.setString(1, status.id());
            ps.setLong(2, now.toEpochMilli());
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    /** Back to waiting in another service; the arrival time stays, so the citizen keeps their place. */
    void moveToService(Connection c, String id, String serviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ticket SET service_id = ?, status = 'issued', counter_id = NULL, "
                + "called_at = NULL, service_started_at = NULL, finished_at = NULL WHERE id = ?")) {
            ps.setString(1, serviceId);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    void setPrintState(Connection c, String id, PrintState state, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ticket SET print_state = ?, print_error = ? WHERE id = ?")) {
            ps.setString(1, state.id());
            ps.setString(2, error);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    /** Waiting tickets of a service that arrived before this one. */
    long waitingAhead(Connection c, Ticket t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM ticket WHERE business_day = ? AND service_id = ? "
                + "AND status = 'issued' AND (issued_at < ? OR (issued_at = ? AND " + rowOrder + " < (SELECT " + rowOrder
                + " FROM ticket WHERE id = ?)))")) {
            ps.setString(1, t.businessDay().toString());
            ps.setString(2, t.serviceId());
            ps.setLong(3, t.issuedAt().toEpochMilli());
            ps.setLong(4, t.issuedAt().toEpochMilli());
            ps.setString(5, t.id());
            return count(ps);
        }
    }

    long waiting(Connection c, LocalDate day, String serviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM ticket WHERE business_day = ? AND service_id = ? AND status = 'issued'")) {
            ps.setString(1, day.toString());
            ps.setString(2, serviceId);
            return count(ps);
        }
    }

    /** Service times (first call to completion) of the latest completed tickets of a service. */
    List<Long> recentServiceDurations(Connection c, String serviceId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT finished_at - service_started_at FROM ticket "
                + "WHERE service_id = ? AND status = 'completed' AND service_started_at IS NOT NULL "
                + "ORDER BY finished_at DESC LIMIT ?")) {
            ps.setString(1, serviceId);
            ps.setInt(2, limit);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    int countersActiveSince(Connection c, String serviceId, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(DISTINCT counter_id) FROM ticket "
                + "WHERE service_id = ? AND service_started_at >= ? AND counter_id IS NOT NULL")) {
            ps.setString(1, serviceId);
            ps.setLong(2, since.toEpochMilli());
            return (int) count(ps);
        }
    }

    /** Every ticket of the business days from..to, in arrival order, read a thousand rows at a time. */
    void history(Connection c, LocalDate from, LocalDate to, java.util.function.Consumer<TicketRecord> each)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT business_day, number, issued_service_id, service_id, priority, "
                + "channel, status, issued_at, first_called_at, service_started_at, finished_at, counter_id FROM ticket "
                + "WHERE business_day >= ? AND business_day <= ? ORDER BY business_day, issued_at, " + rowOrder)) {
            ps.setString(1, from.toString());
            ps.setString(2, to.toString());
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                String dayText = null;
                LocalDate day = null;
                while (rs.next()) {
                    String d = rs.getString(1);
                    if (!d.equals(dayText)) { // rows come a day at a time: parse each day once
                        dayText = d;
                        day = LocalDate.parse(d);
                    }
                    each.accept(new TicketRecord(day, rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), Channel.fromId(rs.getString(6)).orElseThrow(),
                            TicketStatus.fromId(rs.getString(7)), Instant.ofEpochMilli(rs.getLong(8)), instant(rs, 9),
                            instant(rs, 10), instant(rs, 11), rs.getString(12)));
                }
            }
        }
    }

    private static long count(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static Optional<Ticket> first(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static List<Ticket> all(PreparedStatement ps) throws SQLException {
        List<Ticket> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    private static Ticket map(ResultSet rs) throws SQLException {
        return new Ticket(
                rs.getString(1),
                LocalDate.parse(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Channel.fromId(rs.getString(7)).orElseThrow(),
                TicketStatus.fromId(rs.getString(8)),
                Instant.ofEpochMilli(rs.getLong(9)),
                instant(rs, 10),
                rs.getString(11),
                rs.getInt(12),
                instant(rs, 13),
                PrintState.fromId(rs.getString(14)),
                rs.getString(15));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void setInstant(PreparedStatement ps, int i, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, value.toEpochMilli());
        }
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
