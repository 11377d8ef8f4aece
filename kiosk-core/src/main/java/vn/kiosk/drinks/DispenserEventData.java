package vn.kiosk.drinks;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The data of the drink and dispenser events in the outbox, one record per event type. */
public sealed interface DispenserEventData {

    /** {@code drink.dispensed}: a pour's end; {@code result} its final state, {@code reason} why it ended. */
    record Dispensed(String pourId, String kind, int requestedMl, int measuredMl, PourState result, String reason,
                     PourChannel channel) implements DispenserEventData {

        static Dispensed of(Pour p) {
            return new Dispensed(p.id(), p.kind(), p.requestedMl(), p.measuredMl(), p.state(), p.reason(), p.channel());
        }
    }

    /** {@code dispenser.level_low}: a tank's level switch says low ("cold" or "hot"). */
    record LevelLow(String tank) implements DispenserEventData { }

    /** {@code dispenser.fault}: a fault latched; {@code pourId} when a pour caused it (absent for a leak). */
    record Fault(String fault, String message, @JsonInclude(JsonInclude.Include.NON_NULL) String pourId)
            implements DispenserEventData { }

    /** {@code dispenser.reset}: the fault code cleared (null when none was latched) and who reset it. */
    record Reset(String cleared, String by) implements DispenserEventData { }

    /** {@code dispenser.calibrated}: the flow meter's pulses per litre before and after, from this calibration pour. */
    record Calibrated(double pulsesPerLitreBefore, double pulsesPerLitre, String pourId) implements DispenserEventData { }
}
