package vn.kiosk.console;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the console kept, for people: one kiosk's history (telemetry samples, state changes, tickets
 * per day) and the city's figures (tickets and median waits per site per day, from the kiosks'
 * ticket events). Days are local days of {@code zone}; a wait is a ticket's first call minus its issue.
 */
final class FleetHistory {

    record Sample(Instant ts, long waiting, long backlog, Double temperatureC, String printer, String scanner,
                  String dispenser) { }

    /** {@code type}: printer.state, scanner.state, dispenser.state, or online (from the kiosk's offline alerts). */
    record StateChange(Instant ts, String type, String state, boolean ok) { }

    record TicketsOnDay(String day, long tickets) { }

    record DeviceHistory(String site, String device, List<Sample> telemetry, List<StateChange> states,
                         List<TicketsOnDay> ticketsPerDay) { }

    record SiteDay(String site, String day, long tickets, Double medianWaitMinutes) { }

    private final FleetDb db;
    private final Clock clock;
    private final String zone;

    FleetHistory(FleetDb db, Clock clock, String zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    DeviceHistory device(String site, String device, int hours) {
        Instant since = clock.instant().minus(Duration.ofHours(hours));
        return db.read(c -> {
            List<Sample> samples = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ts, waiting, backlog, temperature_c, printer, scanner, "
                    + "dispenser FROM telemetry WHERE site = ? AND device = ? AND ts >= ? ORDER BY ts")) {
                ps.setString(1, site);
                ps.setString(2, device);
                ps.setTimestamp(3, FleetStore.ts(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double t = rs.getDouble(4);
                        samples.add(new Sample(FleetStore.instant(rs.getTimestamp(1)), rs.getLong(2), rs.getLong(3),
                                rs.wasNull() ? null : t, rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            List<StateChange> states = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ts, type, data->>'state', coalesce((data->>'ok')::boolean, "
                    + "true) FROM event WHERE site = ? AND device = ? AND ts >= ? "
                    + "AND type IN ('printer.state', 'scanner.state', 'dispenser.state') ORDER BY ts")) {
                ps.setString(1, site);
                ps.setString(2, device);
                ps.setTimestamp(3, FleetStore.ts(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        states.add(new StateChange(FleetStore.instant(rs.getTimestamp(1)), rs.getString(2), rs.getString(3),
                                rs.getBoolean(4)));
                    }
                }
            }
            // connection changes: each offline alert is a time offline (opened) and back online (resolved)
            try (PreparedStatement ps = c.prepareStatement("SELECT opened_at, resolved_at FROM alert WHERE site = ? "
                    + "AND device = ? AND kind = ? AND (resolved_at IS NULL OR resolved_at >= ?)")) {
                ps.setString(1, site);
                ps.setString(2, device);
                ps.setString(3, vn.kiosk.fleet.view.AlertKind.OFFLINE.id());
                ps.setTimestamp(4, FleetStore.ts(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant opened = FleetStore.instant(rs.getTimestamp(1));
                        Instant resolved = FleetStore.instant(rs.getTimestamp(2));
                        states.add(new StateChange(opened.isBefore(since) ? since : opened, "online", "OFFLINE", false));
                        if (resolved != null) {
                            states.add(new StateChange(resolved, "online", "ONLINE", true));
                        }
                    }
                }
            }
            states.sort(java.util.Comparator.comparing(StateChange::ts));
            List<TicketsOnDay> days = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT (ts AT TIME ZONE ?)::date::text, count(*) FROM event "
                    + "WHERE site = ? AND device = ? AND type = 'ticket.issued' AND ts >= ? GROUP BY 1 ORDER BY 1")) {
                ps.setString(1, zone);
                ps.setString(2, site);
                ps.setString(3, device);
                ps.setTimestamp(4, FleetStore.ts(clock.instant().minus(Duration.ofDays(30))));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        days.add(new TicketsOnDay(rs.getString(1), rs.getLong(2)));
                    }
                }
            }
            return new DeviceHistory(site, device, samples, states, days);
        });
    }

    List<SiteDay> city(int days) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH issued AS (SELECT site, data->>'ticketId' AS ticket, min(ts) AS at FROM event
                                    WHERE type = 'ticket.issued' AND ts >= ? GROUP BY 1, 2),
                         called AS (SELECT site, data->>'ticketId' AS ticket, min(ts) AS at FROM event
                                    WHERE type = 'ticket.called' AND ts >= ? GROUP BY 1, 2)
                    SELECT i.site, (i.at AT TIME ZONE ?)::date::text AS day, count(*),
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.at - i.at) / 60)
                    FROM issued i LEFT JOIN called c ON c.site = i.site AND c.ticket = i.ticket
                    GROUP BY 1, 2 ORDER BY 2, 1""")) {
                ps.setTimestamp(1, FleetStore.ts(since));
                ps.setTimestamp(2, FleetStore.ts(since));
                ps.setString(3, zone);
                List<SiteDay> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double median = rs.getDouble(4);
                        out.add(new SiteDay(rs.getString(1), rs.getString(2), rs.getLong(3),
                                rs.wasNull() ? null : Math.round(median * 10) / 10.0));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Keeps the telemetry history bounded: a week at full rate, then one sample per kiosk and hour,
     * and nothing older than {@code keepDays}. Returns how many samples went.
     */
    int prune(int keepDays) {
        return db.tx(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM telemetry WHERE ts < ?")) {
                ps.setTimestamp(1, FleetStore.ts(clock.instant().minus(Duration.ofDays(keepDays))));
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    DELETE FROM telemetry t WHERE t.ts < ? AND EXISTS (
                        SELECT 1 FROM telemetry u WHERE u.site = t.site AND u.device = t.device
                        AND date_trunc('hour', u.ts) = date_trunc('hour', t.ts) AND u.ts < t.ts)""")) {
                ps.setTimestamp(1, FleetStore.ts(clock.instant().minus(Duration.ofDays(7))));
                n += ps.executeUpdate();
            }
            return n;
        });
    }
}
