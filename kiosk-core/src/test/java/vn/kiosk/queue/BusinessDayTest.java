package vn.kiosk.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessDayTest {

    private final BusinessDay day = new BusinessDay(ZoneId.of("Asia/Ho_Chi_Minh"), LocalTime.of(4, 0));

    @Test
    void beforeTheResetTimeBelongsToThePreviousDay() {
        // 03:59 local on 27 Nov = 20:59 UTC on 26 Nov
        assertEquals(LocalDate.of(2026, 11, 26), day.of(Instant.parse("2026-11-26T20:59:59Z")));
        // 04:00 local on 27 Nov
        assertEquals(LocalDate.of(2026, 11, 27), day.of(Instant.parse("2026-11-26T21:00:00Z")));
    }

    @Test
    void usesLocalTimeNotUtc() {
        // 23:30 UTC on 26 Nov is 06:30 local on 27 Nov
        assertEquals(LocalDate.of(2026, 11, 27), day.of(Instant.parse("2026-11-26T23:30:00Z")));
    }
}
