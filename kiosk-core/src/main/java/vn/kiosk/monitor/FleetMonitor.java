package vn.kiosk.monitor;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import vn.kiosk.fleet.messages.DeviceStateEventData;
import vn.kiosk.fleet.messages.FleetEvent;
import vn.kiosk.fleet.messages.FleetMessages;
import vn.kiosk.fleet.messages.KioskStatus;
import vn.kiosk.fleet.messages.MaintenanceEventData;
import vn.kiosk.fleet.messages.TelemetryReport;

/**
 * {@code kiosk monitor --broker URL [--site S]}: a live table of every kiosk seen on the broker
 * (online, last seen, printer, scanner and dispenser state, queue length, event backlog) with
 * alerts a technician acts on. Works in a plain terminal; Ctrl-C quits cleanly.
 */
public final class FleetMonitor {

    /** A kiosk not heard from for this long is flagged silent. */
    private static final Duration SILENT = Duration.ofMinutes(3);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    static final class Row {
        Boolean online;
        Instant lastSeen;
        String printer = "?";
        String scanner = "?";
        String dispenser = "?";
        long waiting = -1;
        long backlog = -1;
        boolean maintenance;
        /** The queue's mode on a kiosk of a site (site or island) and its island tickets not yet merged. */
        String queueMode = "";
        long pendingMerge;
        String lastEvent = "";
    }

    /** The kiosks' own records, lenient: a kiosk of another version may send fields this one does not know. */
    private final ObjectReader reader = FleetMessages.reader();
    private final Map<String, Row> rows = new TreeMap<>();

    FleetMonitor() { }

    public static int run(Map<String, String> options, PrintStream out, PrintStream err) {
        String broker = options.get("--broker");
        if (broker == null) {
            err.println("kiosk monitor: --broker URL is required, e.g. --broker tcp://broker.local:1883");
            return 2;
        }
        String site = options.getOrDefault("--site", "+");
        long seconds = Long.parseLong(options.getOrDefault("--seconds", "0"));
        return new FleetMonitor().watch(broker, site, options.get("--username"), options.get("--password"), seconds, out, err);
    }

    private int watch(String broker, String site, String user, String password, long seconds, PrintStream out, PrintStream err) {
        MqttClient client;
        try {
            client = new MqttClient(broker, "kiosk-monitor-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            o.setAutomaticReconnect(true);
            o.setConnectionTimeout(10);
            if (user != null) {
                o.setUserName(user);
                o.setPassword(password == null ? new char[0] : password.toCharArray());
            }
            client.connect(o);
            String base = "kiosk/" + site + "/+/";
            client.subscribe(new String[] {base + "status", base + "telemetry", base + "events"}, new int[] {1, 0, 1},
                    new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {
                        (t, m) -> update(t, m.getPayload()), (t, m) -> update(t, m.getPayload()), (t, m) -> update(t, m.getPayload())});
        } catch (MqttException e) {
            err.println("kiosk monitor: cannot connect to " + broker + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "monitor-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean terminal = System.console() != null && seconds == 0;
        Instant end = seconds > 0 ? Instant.now().plusSeconds(seconds) : Instant.MAX;
        String last = "";
        try {
            while (!stop.await(1, TimeUnit.SECONDS) && Instant.now().isBefore(end)) {
                String table = render(Instant.now());
                if (terminal) {
                    out.print("\033[H\033[2J" + table);
                    out.flush();
                } else if (!table.equals(last) && seconds == 0) {
                    out.print(table);
                    out.flush();
                }
                last = table;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (seconds > 0) {
            out.print(render(Instant.now()));
        }
        try {
            client.disconnect(1000);
            client.close();
        } catch (MqttException ignored) {
            // leaving anyway
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down (Ctrl-C)
        }
        return 0;
    }

    /** One message from the broker: a kiosk's status, telemetry or event, read as the kiosk wrote it. */
    synchronized void update(String topic, byte[] payload) {
        String[] parts = topic.split("/");
        if (parts.length != 4) {
            return;
        }
        try {
            switch (parts[3]) {
                case "status" -> {
                    if (reader.readValue(payload, KioskStatus.class) instanceof KioskStatus s) {
                        status(row(parts), s);
                    }
                }
                case "telemetry" -> {
                    if (reader.readValue(payload, TelemetryReport.class) instanceof TelemetryReport t) {
                        telemetry(row(parts), t);
                    }
                }
                case "events" -> {
                    if (reader.readValue(payload, FleetEvent.class) instanceof FleetEvent e) {
                        event(row(parts), e);
                    }
                }
                default -> { }
            }
        } catch (IOException e) {
            // not a kiosk's message (or not JSON): nothing to show
        }
    }

    private Row row(String[] topic) {
        return rows.computeIfAbsent(topic[1] + "/" + topic[2], k -> new Row());
    }

    private static void status(Row row, KioskStatus s) {
        row.online = s.online();
        if (s.online()) {
            row.lastSeen = Instant.now();
        }
    }

    private static void telemetry(Row row, TelemetryReport t) {
        row.lastSeen = Instant.now();
        Map<String, String> d = t.devices() == null ? Map.of() : t.devices();
        row.printer = d.getOrDefault("printer", "?");
        row.scanner = d.getOrDefault("scanner", "?");
        row.dispenser = d.getOrDefault("dispenser", "?");
        row.waiting = t.queue() == null ? -1 : t.queue().waiting();
        TelemetryReport.Store store = t.queue() == null ? null : t.queue().store();
        row.queueMode = store == null || store.mode() == null ? "" : store.mode();
        row.pendingMerge = store == null ? 0 : store.pendingMerge();
        row.backlog = t.outboxBacklog() == null ? -1 : t.outboxBacklog().events();
        row.maintenance = t.maintenance();
    }

    private void event(Row row, FleetEvent e) {
        row.lastSeen = Instant.now();
        String type = e.type() == null ? "" : e.type();
        row.lastEvent = type;
        switch (type) {
            case "printer.state", "scanner.state", "dispenser.state" -> {
                DeviceStateEventData change = e.data(reader, DeviceStateEventData.class);
                if (change != null && change.state() != null) {
                    switch (type) {
                        case "printer.state" -> row.printer = change.state();
                        case "scanner.state" -> row.scanner = change.state();
                        default -> row.dispenser = change.state();
                    }
                }
            }
            case "queue.island" -> row.queueMode = "island";
            case "queue.site" -> {
                row.queueMode = "site";
                row.pendingMerge = 0;
            }
            case "kiosk.maintenance" -> {
                MaintenanceEventData change = e.data(reader, MaintenanceEventData.class);
                row.maintenance = change != null && change.on();
            }
            default -> { }
        }
    }

    synchronized String render(Instant now) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-32s %-7s %-9s %-12s %-10s %-14s %7s %7s  %s%n", "SITE/DEVICE", "ONLINE", "SEEN", "PRINTER",
                "SCANNER", "DISPENSER", "WAITING", "BACKLOG", "ALERTS"));
        if (rows.isEmpty()) {
            b.append("(no kiosk seen yet)\n");
        }
        rows.forEach((key, r) -> b.append(String.format("%-32s %-7s %-9s %-12s %-10s %-14s %7s %7s  %s%n", key,
                r.online == null ? "?" : r.online ? "yes" : "NO", r.lastSeen == null ? "-" : TIME.format(r.lastSeen),
                r.printer, r.scanner, r.dispenser, r.waiting < 0 ? "-" : r.waiting, r.backlog < 0 ? "-" : r.backlog,
                String.join(", ", alerts(r, now)))));
        return b.toString();
    }

    static List<String> alerts(Row r, Instant now) {
        List<String> a = new ArrayList<>();
        if (Boolean.FALSE.equals(r.online)) {
            a.add("OFFLINE");
        } else if (r.lastSeen != null && Duration.between(r.lastSeen, now).compareTo(SILENT) > 0) {
            a.add("SILENT since " + TIME.format(r.lastSeen));
        }
        switch (r.printer) {
            case "PAPER_LOW" -> a.add("paper low");
            case "PAPER_OUT" -> a.add("PAPER OUT");
            case "COVER_OPEN" -> a.add("printer cover open");
            case "CUTTER_ERROR", "ERROR" -> a.add("printer fault");
            case "OFFLINE" -> a.add("printer offline");
            default -> { }
        }
        if (r.dispenser.contains("LOW")) {
            a.add("water low");
        } else if (r.dispenser.contains("FAULT") || r.dispenser.equals("ERROR")) {
            a.add("dispenser fault");
        }
        if (!List.of("READY", "NOT_CONFIGURED", "?").contains(r.scanner)) {
            a.add("scanner " + r.scanner.toLowerCase());
        }
        if (r.queueMode.equals("island")) {
            a.add("ISLAND (site queue server away; " + r.pendingMerge + " to merge)");
        }
        if (r.backlog > 1000) {
            a.add("event backlog " + r.backlog);
        }
        if (r.maintenance) {
            a.add("maintenance");
        }
        return a;
    }
}
