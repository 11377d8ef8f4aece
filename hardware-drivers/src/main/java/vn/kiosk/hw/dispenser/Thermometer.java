package vn.kiosk.hw.dispenser;

import java.time.Instant;

/** The hot tank's thermometer. */
public interface Thermometer extends AutoCloseable {

    /** {@code celsius} null with a {@code problem} when there is no good reading. */
    record Reading(Double celsius, Instant at, String problem) {

        public static final Reading NONE = new Reading(null, null, "no thermometer");
    }

    Reading latest();

    @Override
    default void close() { }

    /** For a dispenser without a probe. */
    Thermometer NONE = () -> Reading.NONE;
}
