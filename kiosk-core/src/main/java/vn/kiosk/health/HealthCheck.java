package vn.kiosk.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import vn.kiosk.devices.DeviceWatch;
import vn.kiosk.maintenance.MaintenanceMode;
import vn.kiosk.storage.Database;

/**
 * UP when the database answers and every configured device is fine; DEGRADED when the database
 * answers but a device is not (tickets can still be issued and shown on screen); DOWN when the
 * database does not answer (nothing can be issued safely).
 */
public final class HealthCheck {

    private final Database db;
    private final MaintenanceMode maintenance;
    private final DeviceWatch devices;
    private final Clock clock;
    private final Instant startedAt;
    private final String version;
    private final String site;
    private final String device;
    private final Map<String, Supplier<Map<String, Object>>> details = new java.util.concurrent.ConcurrentHashMap<>();

    public HealthCheck(Database db, DeviceWatch devices, MaintenanceMode maintenance, Clock clock, String version, String site,
                       String device) {
        this.db = db;
        this.maintenance = maintenance;
        this.devices = devices;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.version = version;
        this.site = site;
        this.device = device;
    }

    /** Adds what a device has to say beyond its state (read on each report: keep it cheap). */
    public void addDetails(String device, Supplier<Map<String, Object>> supplier) {
        details.put(device, supplier);
    }

    public HealthReport report() {
        boolean dbUp = db.isHealthy();
        Map<String, HealthReport.DeviceState> states = new LinkedHashMap<>();
        boolean devicesOk = true;
        for (var e : devices.statuses().entrySet()) {
            var s = e.getValue();
            devicesOk &= s.ok();
            Supplier<Map<String, Object>> more = details.get(e.getKey());
            states.put(e.getKey(), new HealthReport.DeviceState(s.state(), s.ok(), s.detail(), devices.urlOf(e.getKey()),
                    more == null ? null : more.get()));
        }
        String status = !dbUp ? "DOWN" : devicesOk ? "UP" : "DEGRADED";
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("state", dbUp ? "UP" : "DOWN");
        return new HealthReport(status, version, site, device,
                Duration.between(startedAt, clock.instant()).toSeconds(), maintenance.isOn(), database, states);
    }

    public Instant startedAt() {
        return startedAt;
    }
}
