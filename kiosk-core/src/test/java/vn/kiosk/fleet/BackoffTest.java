package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(1_000, 120_000, new Random(42));

    @Test
    void doublesFromOneSecondToTwoMinutesWithinTwentyFivePercent() {
        long[] base = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 120_000, 120_000};
        for (int attempt = 0; attempt < base.length; attempt++) {
            for (int i = 0; i < 200; i++) {
                long d = backoff.delay(attempt);
                assertTrue(d >= base[attempt] * 0.75 && d <= Math.min(120_000, base[attempt] * 1.25),
                        "attempt " + attempt + ": " + d);
            }
        }
        assertTrue(backoff.delay(1_000) <= 120_000, "never beyond the maximum");
    }

    @Test
    void aFleetDoesNotReconnectInLockStep() {
        Set<Long> firsts = new HashSet<>();
        Set<Long> retries = new HashSet<>();
        for (int kiosk = 0; kiosk < 50; kiosk++) {
            Backoff b = new Backoff(1_000, 120_000, new java.util.SplittableRandom(kiosk));
            long first = b.firstDelay();
            assertTrue(first >= 0 && first < 1_000);
            firsts.add(first / 50);
            retries.add(b.delay(3) / 100);
        }
        assertTrue(firsts.size() > 10, "first delays spread: " + firsts.size());
        assertTrue(retries.size() > 10, "retries spread: " + retries.size());
        assertEquals(true, retries.stream().allMatch(r -> r >= 60 && r <= 100));
    }
}
