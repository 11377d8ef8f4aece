package vn.kiosk.drinks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import vn.kiosk.fleet.messages.TelemetryReport;
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

    /** The day's cups and litres per kind, zeros included. */
    static TelemetryReport.Drinks of(Connection c, LocalDate day) throws SQLException {
        TelemetryReport.Tally cold = TelemetryReport.Tally.NONE;
        TelemetryReport.Tally hot = TelemetryReport.Tally.NONE;
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, cups, ml FROM drink_count WHERE day = ?")) {
            ps.setString(1, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TelemetryReport.Tally tally = new TelemetryReport.Tally(rs.getInt(2), rs.getInt(3) / 1000.0);
                    switch (Tap.parse(rs.getString(1))) {
                        case COLD -> cold = tally;
                        case HOT -> hot = tally;
                        case null -> { } // not a kind this version pours
                    }
                }
            }
        }
        return new TelemetryReport.Drinks(cold, hot);
    }
}
