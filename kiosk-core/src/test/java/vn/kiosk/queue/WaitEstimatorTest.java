package vn.kiosk.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WaitEstimatorTest {

    private final WaitEstimator estimator = new WaitEstimator(8);

    @Test
    void usesTheDefaultUntilThereAreEnoughSamples() {
        assertEquals(8.0, estimator.typicalMinutes(List.of(60_000L, 120_000L)));
    }

    @Test
    void usesTheMedianSoOneForgottenTicketDoesNotSkewIt() {
        // 4, 5, 6 minutes and one ticket left open for 3 hours
        double typical = estimator.typicalMinutes(List.of(240_000L, 300_000L, 360_000L, 10_800_000L));
        assertEquals(5.5, typical, 1e-9);
    }

    @Test
    void dividesByTheCountersServing() {
        assertEquals(0, estimator.estimateMinutes(0, 5, 1));
        assertEquals(15, estimator.estimateMinutes(3, 5, 1));
        assertEquals(8, estimator.estimateMinutes(3, 5, 2));
        assertEquals(15, estimator.estimateMinutes(3, 5, 0));
    }
}
