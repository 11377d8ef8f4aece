package vn.kiosk.app;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.devices.DeviceWatch;
import vn.kiosk.devices.Devices;
import vn.kiosk.drinks.DrinkOffer;
import vn.kiosk.drinks.DrinkService;
import vn.kiosk.hw.DeviceStatus;
import vn.kiosk.maintenance.MaintenanceMode;
import vn.kiosk.queue.OpeningHours;

/** What the touchscreen needs to know to show the right screen: GET /api/kiosk. */
final class KioskState {

    /** The answer; {@code drinks} is null on a kiosk with no dispenser. */
    record Snapshot(Site site, boolean maintenance, boolean open, String openingHours, Integer idleSeconds,
                    Map<String, Device> devices, DrinkOffer drinks) { }

    /** Its own record, not the configuration's: the answer must not change with the configuration file's shape. */
    record Site(String id, KioskConfig.Text name) { }

    record Device(boolean configured, String state, boolean ok) {

        static Device of(DeviceStatus status) {
            return new Device(Devices.configured(status), status.state(), status.ok());
        }
    }

    private final KioskConfig config;
    private final MaintenanceMode maintenance;
    private final OpeningHours hours;
    private final DeviceWatch devices;
    private final DrinkService drinks;

    KioskState(KioskConfig config, MaintenanceMode maintenance, OpeningHours hours, DeviceWatch devices, DrinkService drinks) {
        this.drinks = drinks;
        this.config = config;
        this.maintenance = maintenance;
        this.hours = hours;
        this.devices = devices;
    }

    Snapshot snapshot() {
        Map<String, Device> d = new LinkedHashMap<>();
        devices.statuses().forEach((name, status) -> d.put(name, Device.of(status)));
        return new Snapshot(new Site(config.site().id(), config.site().name()), maintenance.isOn(), hours.isOpen(), hours.describe(), config.ui().idleSeconds(),
                d, drinks == null ? null : drinks.offer());
    }
}
