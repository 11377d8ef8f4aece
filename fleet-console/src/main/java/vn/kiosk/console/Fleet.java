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
 * and its alerts, opened when its state calls for one and resolved when it no longer does. Messages
 * are stored with their consequences a batch at a time, in one transaction: the events (once per
 * site, device and seq), the telemetry samples, each kiosk's row, the alerts opened and resolved.
 */
final class Fleet {

    private static final Logger log = LoggerFactory.getLogger(Fleet.class);

    private final FleetDb db;
    private final Clock clock;
    private final ConsoleMetrics metrics;
    private final ObjectReader reader = FleetMessages.reader();
    private final Map<String, KioskView> views = new TreeMap<>();
    private final Map<String, Set<AlertKind>> open = new HashMap<>();

    private final AlertHook hook;
    private final List<AlertHook.Notice> notices = new ArrayList<>();
    /** Each kiosk's row as last written, and when. */
    private final Map<String, Written> written = new HashMap<>();
    /** Kiosks whose counters or last-seen time changed since their row was written. */
    private final Map<String, KioskView.Saved> unwritten = new java.util.LinkedHashMap<>();

    private record Written(KioskView.Saved saved, Instant at) { }

    /**
     * How often a kiosk's row is written for its counters and last-seen time alone (a state that
     * alerts depend on is written with the batch that changed it): a row a message was 1,000
     * kiosks' updates a second, as many as their events, and kept the batches waiting.
     */
    static final java.time.Duration ROW_EVERY = java.time.Duration.ofSeconds(10);

    Fleet(FleetDb db, Clock clock, ConsoleMetrics metrics, AlertHook hook) {
        this.hook = hook;
        this.db = db;
        this.clock = clock;
        this.metrics = metrics;
        db.read(c -> {
            FleetStore.devices(c).forEach((key, saved) -> views.put(key, KioskView.restore(saved)));
            return null;
        });
        reloadOpenAlerts();
        metrics.openAlerts(this::openAlertCounts);
    }

    /** One MQTT message of a kiosk as it arrived: {@code kind} is status, telemetry or events. */
    record Incoming(String site, String device, String kind, byte[] payload) { }

    /**
     * Messages in the order they arrived, stored in one transaction: folded into each kiosk's view,
     * the events once each, a telemetry sample per report, then each kiosk touched: its alerts, and its
     * row when its state changed or its counters are due ({@link #ROW_EVERY}). A payload that is not
     * a kiosk's record is skipped with a log line. If the transaction
     * fails, nothing was acknowledged: the caller offers the same batch again.
     */
    synchronized void process(List<Incoming> batch) {
        Instant now = clock.instant();
        Map<String, KioskView> touched = new java.util.LinkedHashMap<>();
        List<FleetStore.EventRow> events = new ArrayList<>();
        List<FleetStore.TelemetryRow> samples = new ArrayList<>();
        for (Incoming m : batch) {
            String key = key(m.site(), m.device());
            KioskView view = views.computeIfAbsent(key, k -> new KioskView());
            try {
                switch (m.kind()) {
                    case "status" -> view.status(reader.readValue(m.payload(), KioskStatus.class), now);
                    case "telemetry" -> {
                        TelemetryReport t = reader.readValue(m.payload(), TelemetryReport.class);
                        view.telemetry(t, now);
                        samples.add(new FleetStore.TelemetryRow(m.site(), m.device(), t.ts() == null ? now : t.ts(), view.copy()));
                    }
                    case "events" -> {
                        FleetEvent e = reader.readValue(m.payload(), FleetEvent.class);
                        view.event(e, reader, now);
                        events.add(new FleetStore.EventRow(m.site(), m.device(), e));
                    }
                    default -> {
                        continue;
                    }
                }
                touched.put(key, view);
            } catch (java.io.IOException | RuntimeException e) {
                log.warn("skipped a {} message of {}/{}: {}", m.kind(), m.site(), m.device(), e.getMessage());
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        List<FleetStore.SavedDevice> rows = new ArrayList<>(touched.size());
        try {
            db.tx(c -> {
                boolean[] fresh = FleetStore.insertEvents(c, events);
                for (int i = 0; i < fresh.length; i++) {
                    FleetEvent e = events.get(i).event();
                    if (fresh[i]) {
                        metrics.eventIngested(e.ts() == null ? null : java.time.Duration.between(e.ts(), now));
                    }
                }
                FleetStore.insertTelemetry(c, samples);
                for (var t : touched.entrySet()) {
                    String[] sd = t.getKey().split("/", 2);
                    KioskView.Saved saved = t.getValue().saved();
                    if (rowDue(t.getKey(), saved, now)) {
                        rows.add(new FleetStore.SavedDevice(sd[0], sd[1], saved));
                    } else {
                        unwritten.put(t.getKey(), saved);
                    }
                    alerts(c, sd[0], sd[1], t.getValue(), now);
                }
                FleetStore.upsertDevices(c, rows);
                return null;
            });
        } catch (RuntimeException e) {
            notices.clear();
            reloadOpenAlerts(); // what the failed transaction opened or resolved did not happen
            throw e;
        }
        markWritten(rows, now);
        announce();
    }

    /** The row's alert-relevant state changed, or its counters were last written {@link #ROW_EVERY} ago. */
    private boolean rowDue(String key, KioskView.Saved saved, Instant now) {
        Written w = written.get(key);
        if (w == null || !now.isBefore(w.at().plus(ROW_EVERY))
                || !w.saved().withoutCounters().equals(saved.withoutCounters())) {
            unwritten.remove(key);
            return true;
        }
        return false;
    }

    /** Writes the rows held back (the sweep every 10 s, and a clean stop). */
    synchronized void writeRows() {
        if (unwritten.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<FleetStore.SavedDevice> rows = new ArrayList<>(unwritten.size());
        unwritten.forEach((key, saved) -> {
            String[] sd = key.split("/", 2);
            rows.add(new FleetStore.SavedDevice(sd[0], sd[1], saved));
        });
        db.tx(c -> {
            FleetStore.upsertDevices(c, rows);
            return null;
        });
        markWritten(rows, now);
        unwritten.clear();
    }

    /** After the commit: what the rows now hold, and since when. */
    private void markWritten(List<FleetStore.SavedDevice> rows, Instant now) {
        rows.forEach(r -> written.put(key(r.site(), r.device()), new Written(r.view(), now)));
    }

    /** Committed: the webhook hears of the alerts opened and resolved. */
    private void announce() {
        notices.forEach(hook::send);
        notices.clear();
    }

    private void reloadOpenAlerts() {
        open.clear();
        db.read(c -> {
            for (AlertRow a : FleetStore.alerts(c, false)) {
                open.computeIfAbsent(key(a.site(), a.device()), k -> EnumSet.noneOf(AlertKind.class)).add(a.kind());
            }
            return null;
        });
    }

    /** Opens the alerts the kiosk's state calls for and resolves those it no longer does. */
    private void alerts(Connection c, String site, String device, KioskView view, Instant now) throws SQLException {
        Set<AlertKind> was = open.computeIfAbsent(key(site, device), k -> EnumSet.noneOf(AlertKind.class));
        Set<AlertKind> due = EnumSet.noneOf(AlertKind.class);
        for (Alert a : view.alerts(now)) {
            due.add(a.kind());
            if (!was.contains(a.kind())) {
                FleetStore.openAlert(c, site, device, a.kind(), a.text(), now);
                log.info("alert opened: {}/{} {}", site, device, a.text());
                notices.add(new AlertHook.Notice("alert.opened", site, device, a.kind(), a.text(), now));
            }
        }
        for (AlertKind k : was) {
            if (!due.contains(k)) {
                FleetStore.resolveAlert(c, site, device, k, now);
                log.info("alert resolved: {}/{} {}", site, device, k.id());
                notices.add(new AlertHook.Notice("alert.resolved", site, device, k, k.id(), now));
            }
        }
        was.clear();
        was.addAll(due);
    }

    /** Kiosks that fell silent: their alert opens without a message to trigger it; and the rows held back. */
    synchronized void sweep() {
        writeRows();
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
                announce();
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
