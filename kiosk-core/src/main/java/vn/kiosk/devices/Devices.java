package vn.kiosk.devices;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.hw.Device;
import vn.kiosk.hw.DeviceStatus;
import vn.kiosk.hw.DeviceUrl;
import vn.kiosk.hw.dispenser.Dispenser;
import vn.kiosk.hw.printer.EscPosPrinter;
import vn.kiosk.hw.scanner.QrScanner;

/** The devices this kiosk has, opened from their configured URLs; a missing one is null. */
public final class Devices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Devices.class);

    private final Map<String, String> urls = new LinkedHashMap<>();
    private final EscPosPrinter printer;
    private final QrScanner scanner;
    private final Dispenser dispenser;
    private volatile java.util.function.Supplier<DeviceStatus> dispenserStatus;

    private Devices(KioskConfig config) {
        KioskConfig.Devices d = config.devices();
        urls.put("printer", d.printer());
        urls.put("scanner", d.scanner());
        urls.put("dispenser", d.dispenser());
        printer = open(d.printer(), url -> DeviceFactory.printer(url, config));
        scanner = open(d.scanner(), url -> DeviceFactory.scanner(url, config));
        dispenser = open(d.dispenser(), url -> DeviceFactory.dispenser(url, config));
    }

    public static Devices open(KioskConfig config) {
        return new Devices(config);
    }

    private static <D extends Device> D open(String url, java.util.function.Function<DeviceUrl, D> opener) {
        return url == null || url.isBlank() ? null : opener.apply(DeviceUrl.parse(url));
    }

    public EscPosPrinter printer() {
        return printer;
    }

    public QrScanner scanner() {
        return scanner;
    }

    public Dispenser dispenser() {
        return dispenser;
    }

    /** The state of a device this kiosk does not have. */
    public static final String NOT_CONFIGURED = "NOT_CONFIGURED";

    public static boolean configured(DeviceStatus status) {
        return status != null && !NOT_CONFIGURED.equals(status.state());
    }

    /** Each device's status by name, NOT_CONFIGURED where the kiosk has none. */
    public Map<String, DeviceStatus> statuses() {
        Map<String, DeviceStatus> out = new LinkedHashMap<>();
        out.put("printer", statusOf(printer));
        out.put("scanner", statusOf(scanner));
        out.put("dispenser", dispenserStatus == null || dispenser == null ? statusOf(dispenser) : guarded(dispenserStatus));
        return out;
    }

    /** The dispenser's status comes from what drives it (which adds the latched fault to the parts). */
    public void dispenserStatusFrom(java.util.function.Supplier<DeviceStatus> status) {
        this.dispenserStatus = status;
    }

    private static DeviceStatus guarded(java.util.function.Supplier<DeviceStatus> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return DeviceStatus.fault("ERROR", "status unavailable: " + e.getMessage());
        }
    }

    /** The simulated ones among these devices, for tests and demos. */
    public SimulatedDevices simulated() {
        return new SimulatedDevices(this);
    }

    public String urlOf(String name) {
        return urls.get(name);
    }

    private static DeviceStatus statusOf(Device d) {
        if (d == null) {
            return new DeviceStatus(NOT_CONFIGURED, true, "this kiosk has none");
        }
        return guarded(d::status);
    }

    @Override
    public void close() {
        for (Device d : new Device[] {printer, scanner, dispenser}) {
            if (d != null) {
                try {
                    d.close();
                } catch (RuntimeException e) {
                    log.warn("closing {} failed", d.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
