package vn.kiosk.drinks;

import java.time.Clock;
import java.time.Instant;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.problem.Problem;
import vn.kiosk.storage.Database;
import vn.kiosk.storage.Settings;

/**
 * The flow meter's pulses per litre. A YF-S201 is ±10 % and varies with flow, so a technician
 * pours a set volume into a measuring jug and enters what arrived; the result is kept in the
 * database and wins over the configured value.
 */
final class FlowCalibration {

    private static final String KEY = "dispenser.pulsesPerLitre";

    /** The last calibration pour: its pulses wait for the technician's measurement. */
    private record Sample(String pourId, long pulses, int requestedMl) { }

    private final Database db;
    private final Outbox outbox;
    private final Clock clock;
    private volatile double pulsesPerLitre;
    private Sample last; // guarded by this

    FlowCalibration(Database db, Outbox outbox, Clock clock, int configured) {
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
        String kept = db.read(c -> Settings.get(c, KEY));
        this.pulsesPerLitre = kept == null ? configured : Double.parseDouble(kept);
    }

    double pulsesPerLitre() {
        return pulsesPerLitre;
    }

    synchronized void pourDone(String pourId, long pulses, int requestedMl) {
        last = new Sample(pourId, pulses, requestedMl);
    }

    /** Step 2: pulses of the last calibration pour ÷ the litres measured. */
    CalibrationResult measured(double measuredMl) {
        Sample s;
        synchronized (this) {
            s = last;
        }
        if (s == null) {
            throw new Problem(409, "no_calibration_pour", "pour first (dispenser.calibrate with step \"pour\"), "
                    + "then send the measured volume");
        }
        if (measuredMl < s.requestedMl() * 0.5 || measuredMl > s.requestedMl() * 1.5) {
            throw new Problem(400, "implausible", "measured " + measuredMl + " ml for a pour of " + s.requestedMl()
                    + " ml: more than 50 % off; check the measurement, or pour again");
        }
        double updated = s.pulses() * 1000.0 / measuredMl;
        double before = pulsesPerLitre;
        Instant now = clock.instant();
        db.inTransaction(c -> {
            Settings.put(c, KEY, Double.toString(updated));
            return outbox.append(c, "dispenser.calibrated", now, new DispenserEventData.Calibrated(before, updated, s.pourId()));
        });
        pulsesPerLitre = updated;
        synchronized (this) {
            last = null;
        }
        return new CalibrationResult(round1(before), round1(updated), s.pulses(), measuredMl);
    }

    static double round1(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
