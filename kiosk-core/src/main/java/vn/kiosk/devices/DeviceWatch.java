package vn.kiosk.devices;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.hw.DeviceStatus;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.storage.Database;

/**
 * Reads every device's status on a schedule (devices are asked only here, not on each health
 * request), keeps the latest, and reports each change of state: first its {@code <device>.state}
 * outbox event, then a {@link DeviceStateChanged} for the subscribers. Paper out shows in
 * /api/health, on the screens and as a {@code printer.state} event within one poll interval.
 */
public final class DeviceWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeviceWatch.class);

    private final Devices devices;
    private final long intervalMillis;
    private final Database db;          // db, outbox, events, clock: null when reading only
    private final Outbox outbox;
    private final KioskEvents events;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "device-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile Map<String, DeviceStatus> latest = Map.of();

    public DeviceWatch(Devices devices, long intervalMillis, Database db, Outbox outbox, KioskEvents events, Clock clock) {
        this.devices = devices;
        this.intervalMillis = intervalMillis;
        this.db = db;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Reads statuses and reports no change (the standalone self-test: the kiosk it checks is not running). */
    public static DeviceWatch readOnly(Devices devices, long intervalMillis) {
        return new DeviceWatch(devices, intervalMillis, null, null, null, null);
    }

    /** Reads every status once now, then every interval. */
    public DeviceWatch start() {
        poll();
        timer.scheduleWithFixedDelay(this::poll, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Reads every status now (also used right after a print job, which may have changed it). */
    public synchronized void poll() {
        try {
            Map<String, DeviceStatus> now = devices.statuses();
            Map<String, DeviceStatus> before = latest;
            latest = Map.copyOf(new LinkedHashMap<>(now));
            for (var e : now.entrySet()) {
                DeviceStatus old = before.get(e.getKey());
                if (old == null || !old.state().equals(e.getValue().state())) {
                    if (old != null) {
                        log.info("{} state {} -> {} ({})", e.getKey(), old.state(), e.getValue().state(), e.getValue().detail());
                    }
                    report(e.getKey(), old, e.getValue());
                }
            }
        } catch (RuntimeException e) {
            log.warn("reading device status failed", e);
        }
    }

    /**
     * The outbox row first, in a transaction of its own (no other state changes with it), then the
     * event: the fleet never misses a state the screens saw. A write the disk refuses is logged and
     * the screens are still told: the device's state is a fact whether or not it could be recorded.
     */
    private void report(String device, DeviceStatus before, DeviceStatus now) {
        if (events == null) {
            return;
        }
        try {
            outbox.record(db, device + ".state", clock.instant(), DeviceStateEvent.data(before, now));
        } catch (RuntimeException e) {
            log.warn("recording the {} state {} failed", device, now.state(), e);
        }
        events.publish(new DeviceStateChanged(device, before, now));
    }

    /** The latest status of each device, in the order printer, scanner, dispenser. */
    public Map<String, DeviceStatus> statuses() {
        Map<String, DeviceStatus> ordered = new LinkedHashMap<>();
        for (String name : List.of("printer", "scanner", "dispenser")) {
            DeviceStatus s = latest.get(name);
            if (s != null) {
                ordered.put(name, s);
            }
        }
        return ordered;
    }

    public String urlOf(String device) {
        return devices.urlOf(device);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(500, TimeUnit.MILLISECONDS); // a status read in progress gives up at its timeout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
