package vn.kiosk.drinks;

import vn.kiosk.hw.DeviceStatus;
import vn.kiosk.hw.dispenser.Dispenser;
import vn.kiosk.hw.dispenser.DispenserState;
import vn.kiosk.hw.dispenser.Tap;

/** How the dispenser looks to health, self-test and the touchscreen: the parts plus a latched fault. */
final class DispenserReport {

    private DispenserReport() { }

    static boolean unavailable(Dispenser dispenser) {
        return DispenserState.UNAVAILABLE.matches(dispenser.status());
    }

    static DeviceStatus status(Dispenser dispenser, FaultLatch.Fault fault) {
        if (fault != null) {
            return DispenserState.FAULT.status(false, "latched: " + fault.message() + " (technician reset needed)");
        }
        return dispenser.status();
    }

    static DispenserDetails details(Dispenser dispenser, FaultLatch.Fault fault, String pourId, double pulsesPerLitre) {
        var t = dispenser.temperature();
        return new DispenserDetails(t.celsius(), t.problem(),
                new DispenserDetails.Levels(level(dispenser, Tap.COLD), level(dispenser, Tap.HOT)),
                dispenser.cupPresent(),
                fault == null ? null : new DispenserDetails.LatchedFault(fault.code(), fault.message(),
                        fault.at() == null ? "" : fault.at().toString()),
                pourId, FlowCalibration.round1(pulsesPerLitre));
    }

    private static DispenserDetails.Level level(Dispenser dispenser, Tap tap) {
        return !dispenser.hasLevelSwitch(tap) ? DispenserDetails.Level.NO_SWITCH
                : dispenser.levelLow(tap) ? DispenserDetails.Level.LOW : DispenserDetails.Level.OK;
    }

    static DrinkOffer offer(Dispenser dispenser, DrinkLimits limits, FaultLatch.Fault fault) {
        return new DrinkOffer(limits.cupMl(), limits.maxColdMl(), limits.maxHotMl(), fault == null && !unavailable(dispenser),
                !dispenser.levelLow(Tap.COLD), !dispenser.levelLow(Tap.HOT), dispenser.cupPresent());
    }
}
