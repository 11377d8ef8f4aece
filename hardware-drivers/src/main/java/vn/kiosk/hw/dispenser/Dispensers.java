package vn.kiosk.hw.dispenser;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import vn.kiosk.hw.DeviceUrl;
import vn.kiosk.hw.io.Gpio;

/**
 * Opens the dispenser a URL names. {@code gpio:} uses the wiring from the configuration;
 * {@code sim:?flowMlPerMinute=1500&pulsesPerLitre=450&hotCelsius=92} runs the same driver on Pi4J's
 * mock platform with simulated water; {@code &lines=FILE} keeps the valve lines' levels in a file
 * across processes, as real lines are kept after a crash.
 */
public final class Dispensers {

    public static final Set<String> SCHEMES = Set.of("gpio", "sim");

    private Dispensers() { }

    /**
     * The dispenser, or an {@link UnavailableDispenser} saying why the GPIO lines could not be
     * opened: a missing dispenser must not stop the kiosk from issuing tickets.
     */
    public static Dispenser open(DeviceUrl url, DispenserWiring wiring, Clock clock) {
        return switch (url.scheme()) {
            case "gpio" -> {
                try {
                    yield new GpioDispenser(Gpio.gpiod(), wiring, thermometer(wiring, clock),
                            "dispenser on GPIO (cold BCM " + wiring.coldValve().bcm() + ", hot BCM " + wiring.hotValve().bcm() + ")");
                } catch (RuntimeException e) {
                    yield new UnavailableDispenser("cannot open the GPIO lines (" + e.getMessage()
                            + "): is this a Raspberry Pi with /dev/gpiochip*, and is the kiosk user in group gpio?");
                }
            }
            case "sim" -> new SimulatedDispenser(wiring, number(url, "flowMlPerMinute", 1500),
                    number(url, "pulsesPerLitre", 450), url.param("hotCelsius", "92").equals("none") ? null
                    : number(url, "hotCelsius", 92), url.param("lines", "").isEmpty() ? null : Path.of(url.param("lines", "")));
            default -> throw new IllegalArgumentException("no dispenser driver for scheme '" + url.scheme() + "'");
        };
    }

    private static Thermometer thermometer(DispenserWiring wiring, Clock clock) {
        if (wiring.temperatureFile() == null || wiring.temperatureFile().isBlank()) {
            return Thermometer.NONE;
        }
        return new Ds18b20(wiring.temperatureFile(), wiring.temperatureInterval(), clock);
    }

    /** Checks a dispenser URL's form without opening it; the message says what is wrong. */
    public static void validate(DeviceUrl url) {
        if (url.scheme().equals("sim")) {
            for (String key : url.params().keySet()) {
                if (!Set.of("flowMlPerMinute", "pulsesPerLitre", "hotCelsius", "lines").contains(key)) {
                    throw new IllegalArgumentException("unknown parameter '" + key
                            + "' (expected flowMlPerMinute, pulsesPerLitre, hotCelsius, lines)");
                }
            }
            number(url, "flowMlPerMinute", 1500);
            if (number(url, "pulsesPerLitre", 450) <= 0) {
                throw new IllegalArgumentException("pulsesPerLitre must be above 0");
            }
            if (!url.param("hotCelsius", "92").equals("none")) {
                number(url, "hotCelsius", 92);
            }
        } else if (url.scheme().equals("gpio") && !url.target().isBlank()) {
            throw new IllegalArgumentException("gpio: takes no target; the pins are under dispenser.pins in kiosk.yaml");
        }
    }

    private static double number(DeviceUrl url, String key, double fallback) {
        String v = url.param(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number ≥ 0, got '" + v + "'");
        }
    }
}
