package vn.kiosk.app;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.devices.DeviceWatch;
import vn.kiosk.drinks.DrinkService;
import vn.kiosk.hw.DeviceStatus;
import vn.kiosk.maintenance.MaintenanceMode;
import vn.kiosk.queue.OpeningHours;

/** What the touchscreen needs to know to show the right screen: GET /api/kiosk. */
final class KioskState {

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

    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("site", Map.of("id", config.site().id(), "name", config.site().name()));
        s.put("maintenance", maintenance.isOn());
        s.put("open", hours.isOpen());
        s.put("openingHours", hours.describe());
        s.put("idleSeconds", config.ui().idleSeconds());
        Map<String, Object> d = new LinkedHashMap<>();
        devices.statuses().forEach((name, status) -> d.put(name, device(status)));
        s.put("devices", d);
        s.put("drinks", drinks == null ? null : drinks.offer());
        return s;
    }

    private static Map<String, Object> device(DeviceStatus status) {
        return Map.of("configured", !"NOT_CONFIGURED".equals(status.state()), "state", status.state(), "ok", status.ok());
    }
}
