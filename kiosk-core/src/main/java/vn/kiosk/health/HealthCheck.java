package vn.kiosk.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import vn.kiosk.devices.DeviceWatch;
import vn.kiosk.drinks.DispenserDetails;
import vn.kiosk.maintenance.MaintenanceMode;
import vn.kiosk.queue.QueueMode;
import vn.kiosk.queue.QueueStoreStatus;
import vn.kiosk.storage.Database;

/**
 * UP when the database answers and writes and every configured device is fine; DEGRADED when
 * tickets can still be issued but a device is not fine or the disk is nearly full; DOWN when the
 * database does not answer or cannot write (disk full, read-only, I/O error: nothing can be issued
 * safely). See {@link DatabaseHealth} for the database entry.
 */
public final class HealthCheck {

    private final DatabaseHealth database;
    private final MaintenanceMode maintenance;
    private final DeviceWatch devices;
    private final Clock clock;
    private final Instant startedAt;
    private final String version;
    private final String site;
    private final String device;
    private volatile Supplier<DispenserDetails> dispenserDetails;
    private volatile Supplier<QueueStoreStatus> queueStore = QueueStoreStatus::local;

    public HealthCheck(Database db, DeviceWatch devices, MaintenanceMode maintenance, Clock clock, String version, String site,
                       String device) {
        this.database = new DatabaseHealth(db);
        this.maintenance = maintenance;
        this.devices = devices;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.version = version;
        this.site = site;
        this.device = device;
    }

    /** Adds what the dispenser has to say beyond its state (read on each report: keep it cheap). */
    public void addDispenserDetails(Supplier<DispenserDetails> supplier) {
        dispenserDetails = supplier;
    }

    /** Where the queue is kept: a kiosk of a site in island mode is DEGRADED (it issues, from its island range). */
    public void addQueueStore(Supplier<QueueStoreStatus> supplier) {
        queueStore = supplier;
    }

    public HealthReport report() {
        QueueStoreStatus queue = queueStore.get();
        HealthReport.Database db = database.report();
        Map<String, HealthReport.DeviceState> states = new LinkedHashMap<>();
        boolean devicesOk = true;
        for (var e : devices.statuses().entrySet()) {
            var s = e.getValue();
            devicesOk &= s.ok();
            Supplier<DispenserDetails> more = e.getKey().equals("dispenser") ? dispenserDetails : null;
            states.put(e.getKey(), new HealthReport.DeviceState(s.state(), s.ok(), s.detail(), devices.urlOf(e.getKey()),
                    more == null ? null : more.get()));
        }
        HealthStatus status = db.state() == HealthStatus.DOWN ? HealthStatus.DOWN
                : devicesOk && db.state() == HealthStatus.UP && queue.mode() != QueueMode.ISLAND ? HealthStatus.UP
                : HealthStatus.DEGRADED;
        return new HealthReport(status, version, site, device,
                Duration.between(startedAt, clock.instant()).toSeconds(), maintenance.isOn(), db, states, queue);
    }

    public Instant startedAt() {
        return startedAt;
    }
}
