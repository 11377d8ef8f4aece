package vn.kiosk.drinks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The dispenser beyond its state, for GET /api/dispenser, /api/health ({@code devices.dispenser.details}),
 * the self-test and device.status: the hot tank's temperature (null with a {@code temperatureProblem}
 * when there is no reading), each tank's level, the cup, a latched fault (null when none), the pour
 * in progress (null when none) and the flow meter's calibration.
 */
public record DispenserDetails(Double temperatureC,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String temperatureProblem,
                               Levels levels, boolean cupPresent, LatchedFault latchedFault, String pourId,
                               double pulsesPerLitre) {

    public record Levels(Level cold, Level hot) { }

    /** A tank's level switch: "ok", "low", or "no_switch" when the tank has none. */
    public enum Level {
        OK, LOW, NO_SWITCH;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code at}: when it latched, or "" when not known (a record kept from before it was recorded). */
    public record LatchedFault(String code, String message, String at) { }
}
