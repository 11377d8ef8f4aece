package vn.kiosk.fleet.view;

import com.fasterxml.jackson.databind.ObjectReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.kiosk.fleet.messages.DeviceStateEventData;
import vn.kiosk.fleet.messages.FleetEvent;
import vn.kiosk.fleet.messages.KioskStatus;
import vn.kiosk.fleet.messages.MaintenanceEventData;
import vn.kiosk.fleet.messages.TelemetryReport;

/**
 * What is known of one kiosk from what it published (status, telemetry, events), and the alerts
 * that follow from it: the terminal monitor's row and the fleet console's device. Not thread-safe:
 * each owner folds one kiosk's messages in order.
 */
public final class KioskView {

    /** A kiosk not heard from for this long is silent (its telemetry comes every minute by default). */
    public static final Duration SILENT = Duration.ofMinutes(3);
    /** More events than this waiting in a kiosk's outbox: the link or the broker is not keeping up. */
    public static final long BACKLOG_ALERT = 1000;
    /** A backlog that rose in this many telemetry reports in a row (3 minutes by default) is growing... */
    public static final int BACKLOG_RISES = 3;
    /** ...and worth an alert from this size on, long before it is large. */
    public static final long BACKLOG_GROWING_MIN = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private Boolean online;
    private Instant lastSeen;
    private String version;
    private String printer = "?";
    private String scanner = "?";
    private String dispenser = "?";
    private long waiting = -1;
    private long backlog = -1;
    /** Telemetry reports in a row whose backlog was larger than the one before. */
    private int backlogRises;
    private boolean maintenance;
    private String queueMode = "";
    private long pendingMerge;
    private Double temperatureC;
    private String lastEvent = "";

    public void status(KioskStatus s, Instant now) {
        online = s.online();
        if (s.online()) {
            lastSeen = now;
            version = s.version();
        }
    }

    public void telemetry(TelemetryReport t, Instant now) {
        lastSeen = now;
        Map<String, String> d = t.devices() == null ? Map.of() : t.devices();
        printer = d.getOrDefault("printer", "?");
        scanner = d.getOrDefault("scanner", "?");
        dispenser = d.getOrDefault("dispenser", "?");
        waiting = t.queue() == null ? -1 : t.queue().waiting();
        TelemetryReport.Store store = t.queue() == null ? null : t.queue().store();
        queueMode = store == null || store.mode() == null ? "" : store.mode();
        pendingMerge = store == null ? 0 : store.pendingMerge();
        long before = backlog;
        backlog = t.outboxBacklog() == null ? -1 : t.outboxBacklog().events();
        if (before < 0 || backlog < before) {
            backlogRises = 0;
        } else if (backlog > before) {
            backlogRises++;
        }
        maintenance = t.maintenance();
        temperatureC = t.cpuTemperatureC();
        if (t.version() != null) {
            version = t.version();
        }
    }

    public void event(FleetEvent e, ObjectReader reader, Instant now) {
        lastSeen = now;
        String type = e.type() == null ? "" : e.type();
        lastEvent = type;
        switch (type) {
            case "printer.state", "scanner.state", "dispenser.state" -> {
                DeviceStateEventData change = e.data(reader, DeviceStateEventData.class);
                if (change != null && change.state() != null) {
                    switch (type) {
                        case "printer.state" -> printer = change.state();
                        case "scanner.state" -> scanner = change.state();
                        default -> dispenser = change.state();
                    }
                }
            }
            case "queue.island" -> queueMode = "island";
            case "queue.site" -> {
                queueMode = "site";
                pendingMerge = 0;
            }
            case "kiosk.maintenance" -> {
                MaintenanceEventData change = e.data(reader, MaintenanceEventData.class);
                maintenance = change != null && change.on();
            }
            default -> { }
        }
    }

    /**
     * What a console keeps of a kiosk across its own restarts: without it, the kiosk's next status
     * (which says nothing of its printer) would resolve its open alerts and open them anew.
     */
    public record Saved(Boolean online, Instant lastSeen, String version, String printer, String scanner,
                        String dispenser, long waiting, long backlog, int backlogRises, String queueMode,
                        long pendingMerge, boolean maintenance, Double temperatureC) {

        /**
         * The same state without what changes with nearly every message (the last-seen time, the
         * queue length, the backlog, the temperature): two kiosks equal in this raise the same alerts.
         */
        public Saved withoutCounters() {
            return new Saved(online, null, version, printer, scanner, dispenser, 0, 0, backlogRises, queueMode,
                    pendingMerge, maintenance, null);
        }
    }

    public Saved saved() {
        return new Saved(online, lastSeen, version, printer, scanner, dispenser, waiting, backlog, backlogRises,
                queueMode, pendingMerge, maintenance, temperatureC);
    }

    public static KioskView restore(Saved s) {
        KioskView v = new KioskView();
        v.online = s.online();
        v.lastSeen = s.lastSeen();
        v.version = s.version();
        v.printer = s.printer() == null ? "?" : s.printer();
        v.scanner = s.scanner() == null ? "?" : s.scanner();
        v.dispenser = s.dispenser() == null ? "?" : s.dispenser();
        v.waiting = s.waiting();
        v.backlog = s.backlog();
        v.backlogRises = s.backlogRises();
        v.queueMode = s.queueMode() == null ? "" : s.queueMode();
        v.pendingMerge = s.pendingMerge();
        v.maintenance = s.maintenance();
        v.temperatureC = s.temperatureC();
        return v;
    }

    /** A snapshot of this view (a telemetry sample stored after later messages were folded in). */
    public KioskView copy() {
        KioskView c = restore(saved());
        c.lastEvent = lastEvent;
        return c;
    }

    /** What a technician should know now, most urgent first. */
    public List<Alert> alerts(Instant now) {
        List<Alert> a = new ArrayList<>();
        if (Boolean.FALSE.equals(online)) {
            a.add(new Alert(AlertKind.OFFLINE, "OFFLINE"));
        } else if (lastSeen != null && Duration.between(lastSeen, now).compareTo(SILENT) > 0) {
            a.add(new Alert(AlertKind.SILENT, "SILENT since " + TIME.format(lastSeen)));
        }
        switch (printer) {
            case "PAPER_LOW" -> a.add(new Alert(AlertKind.PAPER_LOW, "paper low"));
            case "PAPER_OUT" -> a.add(new Alert(AlertKind.PAPER_OUT, "PAPER OUT"));
            case "COVER_OPEN" -> a.add(new Alert(AlertKind.COVER_OPEN, "printer cover open"));
            case "CUTTER_ERROR", "ERROR" -> a.add(new Alert(AlertKind.PRINTER_FAULT, "printer fault"));
            case "OFFLINE" -> a.add(new Alert(AlertKind.PRINTER_OFFLINE, "printer offline"));
            default -> { }
        }
        if (dispenser.contains("LOW")) {
            a.add(new Alert(AlertKind.WATER_LOW, "water low"));
        } else if (dispenser.contains("FAULT") || dispenser.equals("ERROR")) {
            a.add(new Alert(AlertKind.DISPENSER_FAULT, "dispenser fault"));
        }
        if (!List.of("READY", "NOT_CONFIGURED", "?").contains(scanner)) {
            a.add(new Alert(AlertKind.SCANNER_OFFLINE, "scanner " + scanner.toLowerCase(java.util.Locale.ROOT)));
        }
        if (queueMode.equals("island")) {
            a.add(new Alert(AlertKind.ISLAND, "ISLAND (site queue server away; " + pendingMerge + " to merge)"));
        }
        boolean growing = backlogRises >= BACKLOG_RISES && backlog >= BACKLOG_GROWING_MIN;
        if (backlog > BACKLOG_ALERT || growing) {
            a.add(new Alert(AlertKind.BACKLOG, "event backlog " + backlog + (growing ? " (growing)" : "")));
        }
        if (maintenance) {
            a.add(new Alert(AlertKind.MAINTENANCE, "maintenance"));
        }
        return a;
    }

    public Boolean online() {
        return online;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    public String version() {
        return version;
    }

    public String printer() {
        return printer;
    }

    public String scanner() {
        return scanner;
    }

    public String dispenser() {
        return dispenser;
    }

    public long waiting() {
        return waiting;
    }

    public long backlog() {
        return backlog;
    }

    public boolean maintenance() {
        return maintenance;
    }

    public String queueMode() {
        return queueMode;
    }

    public long pendingMerge() {
        return pendingMerge;
    }

    public Double temperatureC() {
        return temperatureC;
    }

    public String lastEvent() {
        return lastEvent;
    }
}
