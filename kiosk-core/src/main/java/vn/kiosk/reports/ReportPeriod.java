package vn.kiosk.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import vn.kiosk.problem.Problem;

/** The business days a report covers, from..to inclusive, at most a year and a day. */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    /** Reads ?from=YYYY-MM-DD&to=YYYY-MM-DD; what is wrong is a 400 naming the parameter. */
    public static ReportPeriod parse(String from, String to) {
        LocalDate f = day("from", from);
        LocalDate t = day("to", to);
        if (t.isBefore(f)) {
            throw Problem.badRequest("bad_period", "'to' (" + t + ") is before 'from' (" + f + ")");
        }
        if (ChronoUnit.DAYS.between(f, t) + 1 > MAX_DAYS) {
            throw Problem.badRequest("bad_period", "a report covers at most " + MAX_DAYS + " days; " + f + " to " + t
                    + " is " + (ChronoUnit.DAYS.between(f, t) + 1));
        }
        return new ReportPeriod(f, t);
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest("bad_period", "'" + name + "' is required: a business day as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("bad_period", "'" + name + "' must be a day as YYYY-MM-DD; got '"
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'");
        }
    }
}
