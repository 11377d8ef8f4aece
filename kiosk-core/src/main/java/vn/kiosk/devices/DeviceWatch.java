package vn.kiosk.devices;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.hw.DeviceStatus;

/**
 * Reads every device's status on a schedule (devices are asked only here, not on each health
 * request), keeps the latest, and tells listeners when a state changes: paper out shows in
 * /api/health and as a {@code printer.state} event within one poll interval.
 */
public final class DeviceWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeviceWatch.class);

    /** A device's state changed from {@code before} (null at start) to {@code now}. */
    @FunctionalInterface
    public interface Listener {
        void changed(String device, DeviceStatus before, DeviceStatus now);
    }

    private final Devices devices;
    private final long intervalMillis;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "device-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile Map<String, DeviceStatus> latest = Map.of();

    public DeviceWatch(Devices devices, long intervalMillis) {
        this.devices = devices;
        this.intervalMillis = intervalMillis;
    }

    public void onChange(Listener listener) {
        listeners.add(listener);
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
                    for (Listener l : listeners) {
                        try {
                            l.changed(e.getKey(), old, e.getValue());
                        } catch (RuntimeException ex) {
                            log.warn("device state listener failed", ex);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("reading device status failed", e);
        }
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
