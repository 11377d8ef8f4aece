package vn.kiosk.monitor;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import vn.kiosk.fleet.messages.FleetEvent;
import vn.kiosk.fleet.messages.FleetMessages;
import vn.kiosk.fleet.messages.KioskStatus;
import vn.kiosk.fleet.messages.TelemetryReport;
import vn.kiosk.fleet.view.Alert;
import vn.kiosk.fleet.view.KioskView;

/**
 * {@code kiosk monitor --broker URL [--site S]}: a live table of every kiosk seen on the broker
 * (online, last seen, printer, scanner and dispenser state, queue length, event backlog) with
 * alerts a technician acts on. Works in a plain terminal; Ctrl-C quits cleanly.
 */
public final class FleetMonitor {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** The kiosks' own records, lenient: a kiosk of another version may send fields this one does not know. */
    private final ObjectReader reader = FleetMessages.reader();
    private final Map<String, KioskView> rows = new TreeMap<>();

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
                        row(parts).status(s, Instant.now());
                    }
                }
                case "telemetry" -> {
                    if (reader.readValue(payload, TelemetryReport.class) instanceof TelemetryReport t) {
                        row(parts).telemetry(t, Instant.now());
                    }
                }
                case "events" -> {
                    if (reader.readValue(payload, FleetEvent.class) instanceof FleetEvent e) {
                        row(parts).event(e, reader, Instant.now());
                    }
                }
                default -> { }
            }
        } catch (IOException e) {
            // not a kiosk's message (or not JSON): nothing to show
        }
    }

    private KioskView row(String[] topic) {
        return rows.computeIfAbsent(topic[1] + "/" + topic[2], k -> new KioskView());
    }

    synchronized String render(Instant now) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-32s %-7s %-9s %-12s %-10s %-14s %7s %7s  %s%n", "SITE/DEVICE", "ONLINE", "SEEN", "PRINTER",
                "SCANNER", "DISPENSER", "WAITING", "BACKLOG", "ALERTS"));
        if (rows.isEmpty()) {
            b.append("(no kiosk seen yet)\n");
        }
        rows.forEach((key, r) -> b.append(String.format("%-32s %-7s %-9s %-12s %-10s %-14s %7s %7s  %s%n", key,
                r.online() == null ? "?" : r.online() ? "yes" : "NO", r.lastSeen() == null ? "-" : TIME.format(r.lastSeen()),
                r.printer(), r.scanner(), r.dispenser(), r.waiting() < 0 ? "-" : r.waiting(),
                r.backlog() < 0 ? "-" : r.backlog(), String.join(", ", r.alerts(now).stream().map(Alert::text).toList()))));
        return b.toString();
    }

}
