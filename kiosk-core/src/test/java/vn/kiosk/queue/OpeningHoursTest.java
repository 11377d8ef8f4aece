package vn.kiosk.queue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.testing.TestConfigs;

/**
 * A centre (or the demo, or a test) that serves all day must be able to say so: "00:00" to "23:59"
 * left the last minute of every day closed to the touchscreen.
 */
class OpeningHoursTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path dir;

    @Test
    void closeAt2400MeansOpenUntilMidnight() {
        KioskConfig config = TestConfigs.load(dir, "openingHours: { days: [2], open: \"00:00\", close: \"24:00\" }\n");
        // Tuesday 1 December 2026, 23:59:30 in Hanoi; then Wednesday 00:00:30
        assertTrue(hours(config, "2026-12-01T23:59:30").isOpen(), "open in the last minute of the day");
        assertTrue(hours(config, "2026-12-01T00:00:00").isOpen(), "open at midnight");
        assertFalse(hours(config, "2026-12-02T00:00:30").isOpen(), "Wednesday is not a working day");
    }

    @Test
    void closeIsExclusive() {
        KioskConfig config = TestConfigs.load(dir, "openingHours: { days: [2], open: \"07:00\", close: \"17:00\" }\n");
        assertTrue(hours(config, "2026-12-01T16:59:59").isOpen());
        assertFalse(hours(config, "2026-12-01T17:00:00").isOpen());
        assertFalse(hours(config, "2026-12-01T06:59:59").isOpen());
    }

    private static OpeningHours hours(KioskConfig config, String localTime) {
        Instant at = java.time.LocalDateTime.parse(localTime).atZone(HANOI).toInstant();
        return new OpeningHours(config, Clock.fixed(at, HANOI));
    }
}
