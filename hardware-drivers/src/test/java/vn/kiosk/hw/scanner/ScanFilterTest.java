package vn.kiosk.hw.scanner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScanFilterTest {

    private Instant now = Instant.parse("2026-11-26T03:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void theSameCodeWithinTheWindowCountsOnce() {
        ScanFilter f = new ScanFilter(Duration.ofSeconds(3), 100, clock);
        assertTrue(f.accept("A"));
        now = now.plusMillis(500);
        assertFalse(f.accept("A"));
        now = now.plusMillis(2900);
        assertFalse(f.accept("A"), "still held under the scanner: the window restarts with each read");
        now = now.plusMillis(3100);
        assertTrue(f.accept("A"), "scanned again later: counts");
        assertTrue(f.accept("B"));
        assertTrue(f.accept("A"), "a different code in between");
    }

    @Test
    void overLongAndBinaryInputIsRejected() {
        ScanFilter f = new ScanFilter(Duration.ofSeconds(3), 10, clock);
        assertFalse(f.accept("x".repeat(11)));
        assertFalse(f.accept("ab\u0000cd"));
        assertFalse(f.accept("ab\u0007"));
        assertFalse(f.accept("bad\uFFFD"));
        assertFalse(f.accept(""));
        assertTrue(f.accept("Nguyễn"));
    }
}
