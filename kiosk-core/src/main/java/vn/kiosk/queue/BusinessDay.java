package vn.kiosk.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Which business day an instant belongs to. The day starts at the configured local reset time, not
 * at midnight, so a centre that resets at 04:00 keeps one numbering from 04:00 to 03:59 next day.
 */
public record BusinessDay(ZoneId zone, LocalTime resetAt) {

    public LocalDate of(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        return local.toLocalTime().isBefore(resetAt) ? date.minusDays(1) : date;
    }
}
