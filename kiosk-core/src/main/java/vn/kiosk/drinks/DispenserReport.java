package vn.kiosk.drinks;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.kiosk.hw.DeviceStatus;
import vn.kiosk.hw.dispenser.Dispenser;
import vn.kiosk.hw.dispenser.Tap;

/** How the dispenser looks to health, self-test and the touchscreen: the parts plus a latched fault. */
final class DispenserReport {

    private DispenserReport() { }

    static boolean unavailable(Dispenser dispenser) {
        return "UNAVAILABLE".equals(dispenser.status().state());
    }

    static DeviceStatus status(Dispenser dispenser, FaultLatch.Fault fault) {
        if (fault != null) {
            return DeviceStatus.fault("FAULT", "latched: " + fault.message() + " (technician reset needed)");
        }
        return dispenser.status();
    }

    static Map<String, Object> details(Dispenser dispenser, FaultLatch.Fault fault, String pourId, double pulsesPerLitre) {
        Map<String, Object> d = new LinkedHashMap<>();
        var t = dispenser.temperature();
        d.put("temperatureC", t.celsius());
        if (t.problem() != null) {
            d.put("temperatureProblem", t.problem());
        }
        Map<String, String> levels = new LinkedHashMap<>();
        for (Tap tap : Tap.values()) {
            levels.put(tap.id(), !dispenser.hasLevelSwitch(tap) ? "no_switch" : dispenser.levelLow(tap) ? "low" : "ok");
        }
        d.put("levels", levels);
        d.put("cupPresent", dispenser.cupPresent());
        d.put("latchedFault", fault == null ? null : Map.of("code", fault.code(), "message", fault.message(),
                "at", fault.at() == null ? "" : fault.at().toString()));
        d.put("pourId", pourId);
        d.put("pulsesPerLitre", FlowCalibration.round1(pulsesPerLitre));
        return d;
    }

    static Map<String, Object> offer(Dispenser dispenser, DrinkLimits limits, FaultLatch.Fault fault) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("cupMl", limits.cupMl());
        d.put("maxColdMl", limits.maxColdMl());
        d.put("maxHotMl", limits.maxHotMl());
        d.put("available", fault == null && !unavailable(dispenser));
        d.put("cold", !dispenser.levelLow(Tap.COLD));
        d.put("hot", !dispenser.levelLow(Tap.HOT));
        d.put("cupPresent", dispenser.cupPresent());
        return d;
    }
}
