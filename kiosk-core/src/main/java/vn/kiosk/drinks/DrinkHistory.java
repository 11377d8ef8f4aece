package vn.kiosk.drinks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.kiosk.storage.Database;

/** Cups and litres this kiosk poured per business day (all kinds), for the managers' reports. */
public final class DrinkHistory {

    public record Day(LocalDate day, int cups, double litres) { }

    /** One business day's cups and millilitres, exactly as counted. */
    public record Totals(LocalDate day, int cups, long ml) {

        Day asDay() {
            return new Day(day, cups, ml / 1000.0);
        }
    }

    private final Database db;

    public DrinkHistory(Database db) {
        this.db = db;
    }

    /** The days from..to (inclusive) on which anything was poured, in order. */
    public List<Day> between(LocalDate from, LocalDate to) {
        return totals(from, to).stream().map(Totals::asDay).toList();
    }

    /** As {@link #between}, in cups and millilitres. */
    public List<Totals> totals(LocalDate from, LocalDate to) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT day, sum(cups), sum(ml) FROM drink_count "
                    + "WHERE day >= ? AND day <= ? GROUP BY day ORDER BY day")) {
                ps.setString(1, from.toString());
                ps.setString(2, to.toString());
                List<Totals> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Totals(LocalDate.parse(rs.getString(1)), rs.getInt(2), rs.getLong(3)));
                    }
                }
                return out;
            }
        });
    }
}
