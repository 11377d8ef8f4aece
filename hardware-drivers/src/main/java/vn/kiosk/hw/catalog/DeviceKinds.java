package vn.kiosk.hw.catalog;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import vn.kiosk.hw.DeviceUrl;
import vn.kiosk.hw.dispenser.Dispensers;
import vn.kiosk.hw.printer.Printers;
import vn.kiosk.hw.scanner.Scanners;

/**
 * Which device URLs each kind of device accepts, answered by its drivers (the one place that knows
 * which schemes exist), so the configuration can check a URL without opening a device. A package
 * of its own: vn.kiosk.hw holds DeviceUrl, which every driver package uses.
 */
public final class DeviceKinds {

    private record Kind(Set<String> schemes, Consumer<DeviceUrl> validator) { }

    private static final Map<String, Kind> KINDS = Map.of(
            "printer", new Kind(Printers.SCHEMES, Printers::validate),
            "scanner", new Kind(Scanners.SCHEMES, Scanners::validate),
            "dispenser", new Kind(Dispensers.SCHEMES, Dispensers::validate));

    private DeviceKinds() { }

    /** The URL schemes a kind ("printer", "scanner", "dispenser") has drivers for; empty for an unknown kind. */
    public static Set<String> schemes(String kind) {
        Kind k = KINDS.get(kind);
        return k == null ? Set.of() : k.schemes();
    }

    /** Checks the rest of a URL whose scheme is supported; throws with a message saying what is wrong. */
    public static void validate(String kind, DeviceUrl url) {
        Kind k = KINDS.get(kind);
        if (k != null) {
            k.validator().accept(url);
        }
    }
}
