package vn.kiosk.devices;

import java.util.Map;
import java.util.Set;
import vn.kiosk.hw.DeviceUrl;
import vn.kiosk.hw.dispenser.Dispenser;
import vn.kiosk.hw.dispenser.SimulatedDispenser;
import vn.kiosk.hw.printer.SimulatedPrinter;
import vn.kiosk.hw.printer.ThermalPrinter;
import vn.kiosk.hw.scanner.QrScanner;
import vn.kiosk.hw.scanner.SimulatedScanner;

/** Opens the driver a device URL names. The one place that knows which schemes exist. */
public final class DeviceFactory {

    private static final Map<String, Set<String>> SCHEMES = Map.of(
            "printer", Set.of("sim"),
            "scanner", Set.of("sim"),
            "dispenser", Set.of("sim"));

    private DeviceFactory() { }

    public static Set<String> supportedSchemes(String kind) {
        return SCHEMES.getOrDefault(kind, Set.of());
    }

    public static ThermalPrinter printer(DeviceUrl url) {
        return switch (url.scheme()) {
            case "sim" -> new SimulatedPrinter();
            default -> throw unsupported("printer", url);
        };
    }

    public static QrScanner scanner(DeviceUrl url) {
        return switch (url.scheme()) {
            case "sim" -> new SimulatedScanner();
            default -> throw unsupported("scanner", url);
        };
    }

    public static Dispenser dispenser(DeviceUrl url) {
        return switch (url.scheme()) {
            case "sim" -> new SimulatedDispenser();
            default -> throw unsupported("dispenser", url);
        };
    }

    private static IllegalArgumentException unsupported(String kind, DeviceUrl url) {
        return new IllegalArgumentException("no " + kind + " driver for scheme '" + url.scheme() + "'");
    }
}
