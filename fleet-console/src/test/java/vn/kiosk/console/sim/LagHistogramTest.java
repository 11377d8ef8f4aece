package vn.kiosk.console.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LagHistogramTest {

    @Test
    void nearestRankQuantilesOfAWindowAndAFreshWindowAfterAReset() {
        LagHistogram h = new LagHistogram();
        assertEquals(0, h.quantile(0.99), "nothing recorded");
        for (int ms = 1; ms <= 100; ms++) {
            h.record(ms);
        }
        h.record(-5); // a clock step backwards counts as 0
        h.record(3_600_000); // an hour counts in the last bucket, a minute
        assertEquals(102, h.count());
        assertEquals(50, h.quantile(0.5), "the 51st of 102: 0 and 1 to 50");
        assertEquals(100, h.quantile(0.99));
        assertEquals(60_000, h.quantile(1.0));
        h.reset();
        assertEquals(0, h.count());
        h.record(7);
        assertEquals(7, h.quantile(0.99));
    }
}
