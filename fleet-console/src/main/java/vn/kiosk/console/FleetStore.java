package vn.kiosk.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.kiosk.fleet.messages.FleetEvent;
import vn.kiosk.fleet.view.AlertKind;
import vn.kiosk.fleet.view.KioskView;

/** The console's SQL; every method runs in the caller's transaction. */
final class FleetStore {

    private FleetStore() { }

    /** A kiosk's row as its view stands now. */
    record SavedDevice(String site, String device, KioskView.Saved view) { }

    /** Writes each kiosk's row, in one batch (one round trip for the lot, not one a kiosk). */
    static void upsertDevices(Connection c, List<SavedDevice> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device (site, device, online, last_seen, version, printer, "
                + "scanner, dispenser, waiting, backlog, queue_mode, pending_merge, maintenance, temperature_c, backlog_rises) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (site, device) DO UPDATE SET online = excluded.online, "
                + "last_seen = excluded.last_seen, version = excluded.version, printer = excluded.printer, "
                + "scanner = excluded.scanner, dispenser = excluded.dispenser, waiting = excluded.waiting, "
                + "backlog = excluded.backlog, queue_mode = excluded.queue_mode, pending_merge = excluded.pending_merge, "
                + "maintenance = excluded.maintenance, temperature_c = excluded.temperature_c, "
                + "backlog_rises = excluded.backlog_rises")) {
            for (SavedDevice row : rows) {
                KioskView.Saved v = row.view();
                ps.setString(1, row.site());
                ps.setString(2, row.device());
                ps.setObject(3, v.online(), Types.BOOLEAN);
                ps.setTimestamp(4, ts(v.lastSeen()));
                ps.setString(5, v.version());
                ps.setString(6, v.printer());
                ps.setString(7, v.scanner());
                ps.setString(8, v.dispenser());
                ps.setLong(9, v.waiting());
                ps.setLong(10, v.backlog());
                ps.setString(11, v.queueMode());
                ps.setLong(12, v.pendingMerge());
                ps.setBoolean(13, v.maintenance());
                ps.setObject(14, v.temperatureC(), Types.DOUBLE);
                ps.setInt(15, v.backlogRises());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every kiosk as last stored, by "site/device": the console's state when it starts again. */
    static java.util.Map<String, KioskView.Saved> devices(Connection c) throws SQLException {
        java.util.Map<String, KioskView.Saved> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT site, device, online, last_seen, version, printer, scanner, "
                + "dispenser, waiting, backlog, backlog_rises, queue_mode, pending_merge, maintenance, temperature_c FROM device");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1) + "/" + rs.getString(2), new KioskView.Saved(rs.getObject(3, Boolean.class),
                        instant(rs.getTimestamp(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getLong(9), rs.getLong(10), rs.getInt(11), rs.getString(12), rs.getLong(13), rs.getBoolean(14),
                        rs.getObject(15, Double.class)));
            }
        }
        return out;
    }

    /** An event to store, with the kiosk it came from. */
    record EventRow(String site, String device, FleetEvent event) { }

    /**
     * Stores the events that are not stored already (replays are skipped), in one statement; for
     * each, whether it was new.
     */
    static boolean[] insertEvents(Connection c, java.util.List<EventRow> rows) throws SQLException {
        boolean[] fresh = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return fresh;
        }
        int n = rows.size();
        String[] sites = new String[n];
        String[] devices = new String[n];
        Long[] seqs = new Long[n];
        String[] ids = new String[n];
        String[] types = new String[n];
        Timestamp[] times = new Timestamp[n];
        String[] data = new String[n];
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            FleetEvent e = rows.get(i).event();
            sites[i] = rows.get(i).site();
            devices[i] = rows.get(i).device();
            seqs[i] = e.seq();
            ids[i] = e.id() == null ? "" : e.id();
            types[i] = e.type() == null ? "" : e.type();
            times[i] = ts(e.ts() == null ? now : e.ts());
            data[i] = e.data() == null ? "{}" : e.data();
        }
        java.util.Set<String> inserted = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event (site, device, seq, id, type, ts, data) "
                + "SELECT s, d, q, i, t, w, x::jsonb FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], "
                + "?::timestamptz[], ?::text[]) AS u(s, d, q, i, t, w, x) ON CONFLICT (site, device, seq) DO NOTHING "
                + "RETURNING site, device, seq")) {
            ps.setArray(1, c.createArrayOf("text", sites));
            ps.setArray(2, c.createArrayOf("text", devices));
            ps.setArray(3, c.createArrayOf("bigint", seqs));
            ps.setArray(4, c.createArrayOf("text", ids));
            ps.setArray(5, c.createArrayOf("text", types));
            ps.setArray(6, c.createArrayOf("timestamptz", times));
            ps.setArray(7, c.createArrayOf("text", data));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getLong(3));
                }
            }
        }
        for (int i = 0; i < n; i++) { // a seq twice in one batch counts once
            fresh[i] = inserted.remove(sites[i] + "/" + devices[i] + "/" + seqs[i]);
        }
        return fresh;
    }

    /** A telemetry report, with the kiosk's view as it stood after it. */
    record TelemetryRow(String site, String device, Instant ts, KioskView view) { }

    /** Stores the samples in one batch; a report stored already (a redelivery) is skipped. */
    static void insertTelemetry(Connection c, List<TelemetryRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO telemetry (site, device, ts, waiting, backlog, "
                + "temperature_c, printer, scanner, dispenser) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
            for (TelemetryRow row : rows) {
                KioskView v = row.view();
                ps.setString(1, row.site());
                ps.setString(2, row.device());
                ps.setTimestamp(3, ts(row.ts()));
                ps.setLong(4, v.waiting());
                ps.setLong(5, v.backlog());
                ps.setObject(6, v.temperatureC(), Types.DOUBLE);
                ps.setString(7, v.printer());
                ps.setString(8, v.scanner());
                ps.setString(9, v.dispenser());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static long openAlert(Connection c, String site, String device, AlertKind kind, String detail, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert (site, device, kind, detail, opened_at) "
                + "VALUES (?,?,?,?,?) ON CONFLICT (site, device, kind) WHERE resolved_at IS NULL DO NOTHING RETURNING id")) {
            ps.setString(1, site);
            ps.setString(2, device);
            ps.setString(3, kind.id());
            ps.setString(4, detail);
            ps.setTimestamp(5, ts(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    static void resolveAlert(Connection c, String site, String device, AlertKind kind, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE alert SET resolved_at = ? WHERE site = ? AND device = ? "
                + "AND kind = ? AND resolved_at IS NULL")) {
            ps.setTimestamp(1, ts(now));
            ps.setString(2, site);
            ps.setString(3, device);
            ps.setString(4, kind.id());
            ps.executeUpdate();
        }
    }

    static boolean ackAlert(Connection c, long id, String by, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE alert SET acked_at = ?, acked_by = ? WHERE id = ? "
                + "AND acked_at IS NULL")) {
            ps.setTimestamp(1, ts(now));
            ps.setString(2, by);
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Open alerts first (newest first), then, with {@code all}, the resolved ones of the last week. */
    static List<AlertRow> alerts(Connection c, boolean all) throws SQLException {
        String sql = "SELECT id, site, device, kind, detail, opened_at, acked_at, acked_by, resolved_at FROM alert "
                + (all ? "WHERE resolved_at IS NULL OR resolved_at > now() - interval '7 days' " : "WHERE resolved_at IS NULL ")
                + "ORDER BY resolved_at IS NULL DESC, opened_at DESC LIMIT 5000";
        List<AlertRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AlertRow(rs.getLong(1), rs.getString(2), rs.getString(3), AlertKind.fromId(rs.getString(4)),
                        rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getString(8),
                        instant(rs.getTimestamp(9))));
            }
        }
        return out;
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
