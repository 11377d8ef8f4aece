package vn.kiosk.console;

import com.fasterxml.jackson.databind.ObjectReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.fleet.messages.FleetEvent;
import vn.kiosk.fleet.messages.FleetMessages;
import vn.kiosk.fleet.messages.KioskStatus;
import vn.kiosk.fleet.messages.TelemetryReport;
import vn.kiosk.fleet.view.Alert;
import vn.kiosk.fleet.view.AlertKind;
import vn.kiosk.fleet.view.KioskView;

/**
 * The fleet as the console knows it: each kiosk's {@link KioskView}, folded from what it published,
 * and its alerts, opened when its state calls for one and resolved when it no longer does. Each
 * message is stored with its consequences in one transaction: the device row, the event (once per
 * site, device and seq), the telemetry sample, the alerts opened and resolved.
 */
final class Fleet {

    private static final Logger log = LoggerFactory.getLogger(Fleet.class);

    private final FleetDb db;
    private final Clock clock;
    private final ConsoleMetrics metrics;
    private final ObjectReader reader = FleetMessages.reader();
    private final Map<String, KioskView> views = new TreeMap<>();
    private final Map<String, Set<AlertKind>> open = new HashMap<>();

    Fleet(FleetDb db, Clock clock, ConsoleMetrics metrics) {
        this.db = db;
        this.clock = clock;
        this.metrics = metrics;
        db.read(c -> {
            for (AlertRow a : FleetStore.alerts(c, false)) {
                open.computeIfAbsent(key(a.site(), a.device()), k -> EnumSet.noneOf(AlertKind.class)).add(a.kind());
            }
            return null;
        });
        metrics.openAlerts(this::openAlertCounts);
    }

    /** One MQTT message from a kiosk; a payload that is not a kiosk's record is skipped with a log line. */
    synchronized void message(String site, String device, String kind, byte[] payload) {
        Instant now = clock.instant();
        KioskView view = views.computeIfAbsent(key(site, device), k -> new KioskView());
        try {
            switch (kind) {
                case "status" -> {
                    view.status(reader.readValue(payload, KioskStatus.class), now);
                    store(site, device, view, now, c -> { });
                }
                case "telemetry" -> {
                    TelemetryReport t = reader.readValue(payload, TelemetryReport.class);
                    view.telemetry(t, now);
                    store(site, device, view, now, c -> FleetStore.insertTelemetry(c, site, device,
                            t.ts() == null ? now : t.ts(), view));
                }
                case "events" -> {
                    FleetEvent e = reader.readValue(payload, FleetEvent.class);
                    view.event(e, reader, now);
                    store(site, device, view, now, c -> {
                        if (FleetStore.insertEvent(c, site, device, e)) {
                            metrics.eventIngested(e.ts() == null ? null : java.time.Duration.between(e.ts(), now));
                        }
                    });
                }
                default -> { }
            }
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("skipped a {} message of {}/{}: {}", kind, site, device, e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Also {
        void run(Connection c) throws SQLException;
    }

    private void store(String site, String device, KioskView view, Instant now, Also also) {
        db.tx(c -> {
            FleetStore.upsertDevice(c, site, device, view);
            also.run(c);
            alerts(c, site, device, view, now);
            return null;
        });
    }

    /** Opens the alerts the kiosk's state calls for and resolves those it no longer does. */
    private void alerts(Connection c, String site, String device, KioskView view, Instant now) throws SQLException {
        Set<AlertKind> was = open.computeIfAbsent(key(site, device), k -> EnumSet.noneOf(AlertKind.class));
        Set<AlertKind> now_ = EnumSet.noneOf(AlertKind.class);
        for (Alert a : view.alerts(now)) {
            now_.add(a.kind());
            if (!was.contains(a.kind())) {
                FleetStore.openAlert(c, site, device, a.kind(), a.text(), now);
                log.info("alert opened: {}/{} {}", site, device, a.text());
            }
        }
        for (AlertKind k : was) {
            if (!now_.contains(k)) {
                FleetStore.resolveAlert(c, site, device, k, now);
                log.info("alert resolved: {}/{} {}", site, device, k.id());
            }
        }
        was.clear();
        was.addAll(now_);
    }

    /** Kiosks that fell silent: their alert opens without a message to trigger it. */
    synchronized void sweep() {
        Instant now = clock.instant();
        views.forEach((key, view) -> {
            Set<AlertKind> was = open.getOrDefault(key, Set.of());
            boolean silent = view.alerts(now).stream().anyMatch(a -> a.kind() == AlertKind.SILENT);
            if (silent != was.contains(AlertKind.SILENT)) {
                String[] sd = key.split("/", 2);
                db.tx(c -> {
                    alerts(c, sd[0], sd[1], view, now);
                    return null;
                });
            }
        });
    }

    synchronized List<DeviceRow> devices() {
        Instant now = clock.instant();
        List<DeviceRow> out = new ArrayList<>();
        views.forEach((key, v) -> {
            String[] sd = key.split("/", 2);
            out.add(new DeviceRow(sd[0], sd[1], v.online(), v.lastSeen(), v.version(), v.printer(), v.scanner(),
                    v.dispenser(), v.waiting(), v.backlog(), v.queueMode(), v.pendingMerge(), v.maintenance(),
                    v.temperatureC(), v.alerts(now).stream().map(Alert::text).toList()));
        });
        // alerts first, then by site and device
        out.sort((a, b) -> a.alerts().isEmpty() == b.alerts().isEmpty() ? 0 : a.alerts().isEmpty() ? 1 : -1);
        return out;
    }

    synchronized long online() {
        return views.values().stream().filter(v -> Boolean.TRUE.equals(v.online())).count();
    }

    private synchronized Map<AlertKind, Long> openAlertCounts() {
        Map<AlertKind, Long> counts = new java.util.EnumMap<>(AlertKind.class);
        open.values().forEach(kinds -> kinds.forEach(k -> counts.merge(k, 1L, Long::sum)));
        return counts;
    }

    List<AlertRow> alerts(boolean all) {
        return db.read(c -> FleetStore.alerts(c, all));
    }

    boolean acknowledge(long id, String by) {
        return db.tx(c -> FleetStore.ackAlert(c, id, by, clock.instant()));
    }

    boolean knows(String site, String device) {
        synchronized (this) {
            return views.containsKey(key(site, device));
        }
    }

    private static String key(String site, String device) {
        return site + "/" + device;
    }
}
