package vn.kiosk.drinks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.kiosk.hw.dispenser.Tap;

/** Cups and millilitres per business day and kind, for telemetry. */
final class DrinkCounts {

    private DrinkCounts() { }

    static void add(Connection c, LocalDate day, Tap tap, int ml) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drink_count (day, kind, cups, ml) VALUES (?, ?, 1, ?) "
                + "ON CONFLICT (day, kind) DO UPDATE SET cups = cups + 1, ml = ml + excluded.ml")) {
            ps.setString(1, day.toString());
            ps.setString(2, tap.id());
            ps.setInt(3, ml);
            ps.executeUpdate();
        }
    }

    /** {"cold": {"cups": n, "litres": x}, "hot": {...}} for the day, zeros included. */
    static Map<String, Object> of(Connection c, LocalDate day) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Tap t : Tap.values()) {
            out.put(t.id(), Map.of("cups", 0, "litres", 0.0));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, cups, ml FROM drink_count WHERE day = ?")) {
            ps.setString(1, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), Map.of("cups", rs.getInt(2), "litres", rs.getInt(3) / 1000.0));
                }
            }
        }
        return out;
    }
}
