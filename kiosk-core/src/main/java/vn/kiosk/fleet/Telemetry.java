package vn.kiosk.fleet;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import vn.kiosk.devices.DeviceWatch;
import vn.kiosk.fleet.messages.TelemetryReport;
import vn.kiosk.maintenance.MaintenanceMode;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.queue.QueueOverview;
import vn.kiosk.queue.QueueService;
import vn.kiosk.storage.Database;

/** What the kiosk reports about itself every few seconds (and to the technician's device.status). */
public final class Telemetry {

    private static final Path CPU_TEMPERATURE = Path.of("/sys/class/thermal/thermal_zone0/temp");

    private final Database db;
    private final QueueService queue;
    private final DeviceWatch devices;
    private final MaintenanceMode maintenance;
    private final Path dataDir;
    private final Clock clock;
    private final Instant startedAt;
    private final String version;
    private volatile Supplier<TelemetryReport.Drinks> drinks;

    public Telemetry(Database db, QueueService queue, DeviceWatch devices, MaintenanceMode maintenance, Path dataDir,
                     Clock clock, Instant startedAt, String version) {
        this.db = db;
        this.queue = queue;
        this.devices = devices;
        this.maintenance = maintenance;
        this.dataDir = dataDir;
        this.clock = clock;
        this.startedAt = startedAt;
        this.version = version;
    }

    public TelemetryReport snapshot() {
        Instant now = clock.instant();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        QueueOverview q = queue.overview();
        Map<String, Long> perService = new LinkedHashMap<>();
        q.services().forEach(s -> perService.put(s.serviceId(), s.waiting()));
        Map<String, String> states = new LinkedHashMap<>();
        devices.statuses().forEach((name, s) -> states.put(name, s.state()));
        Outbox.Backlog backlog = db.read(Outbox::backlog);
        return new TelemetryReport(now, version, Duration.between(startedAt, now).toSeconds(), cpuTemperature(),
                new TelemetryReport.Memory(heap.getUsed(), heap.getMax(), residentBytes()), diskFree(),
                new TelemetryReport.QueueSize(q.waitingTotal(), perService, new TelemetryReport.Store(q.store().store(),
                        q.store().mode().id(), q.store().pendingMerge())), states,
                new TelemetryReport.Backlog(backlog.events(), backlog.bytes()), maintenance.isOn(),
                drinks == null ? null : drinks.get());
    }

    /** Adds today's drink counts (cups and litres per kind) when the kiosk has a dispenser. */
    public Telemetry withDrinks(Supplier<TelemetryReport.Drinks> today) {
        this.drinks = today;
        return this;
    }

    private static Double cpuTemperature() {
        try {
            return Files.isReadable(CPU_TEMPERATURE) ? Long.parseLong(Files.readString(CPU_TEMPERATURE).strip()) / 1000.0 : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static Long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return null;
    }

    private Long diskFree() {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            return null;
        }
    }
}
