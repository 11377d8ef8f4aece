package vn.kiosk.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import vn.kiosk.config.ConfigLoader;
import vn.kiosk.config.KioskConfig;

/**
 * {@code kiosk train-archive}: the class-data-sharing archive's training run. The launcher runs it
 * in the background at low priority when no archive exists yet, with -XX:ArchiveClassesAtExit, so
 * the kiosk's own first start is not slowed by recording. It starts the kiosk as configured but
 * with simulated devices, a broker address where nothing answers, a throw-away data directory and
 * a free port (the real kiosk holds the devices, the data and the port), serves a few requests, and
 * stops: the classes it loaded are what every later start maps.
 */
final class ArchiveTraining {

    private ArchiveTraining() { }

    static int run(Path configFile, Map<String, String> env) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kiosk-archive-training");
            Map<String, String> e = new HashMap<>(env);
            e.put("KIOSK_DATA_DIR", dir.toString());
            e.put("KIOSK_HTTP_PORT", Integer.toString(freePort()));
            // a broker nobody answers at: the fleet link starts and retries (its classes and Paho's
            // are recorded too; a kiosk with a broker loaded them from the jars at every start)
            e.put("KIOSK_MQTT_URL", "tcp://127.0.0.1:" + freePort());
            e.put("KIOSK_PRINTER_URL", "sim:");
            e.put("KIOSK_SCANNER_URL", "sim:");
            e.put("KIOSK_DISPENSER_URL", "sim:");
            KioskConfig config = new ConfigLoader().load(configFile, e).alwaysOpen();
            System.setProperty("kiosk.log.dir", dir.resolve("logs").toString());
            // the client is closed before the kiosk: its kept-alive connections made the kiosk's
            // graceful stop time out, an ERROR and a stack trace in every training log
            try (KioskApp app = new KioskApp(config, Clock.systemUTC()).start();
                 HttpClient http = HttpClient.newHttpClient()) {
                String base = "http://127.0.0.1:" + app.httpPort();
                for (String path : new String[] {"/api/health", "/api/kiosk", "/api/services", "/", "/citizen.js"}) {
                    http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding());
                }
                String service = config.services().get(0).id();
                http.send(HttpRequest.newBuilder(URI.create(base + "/api/tickets")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"serviceId\": \"" + service + "\"}")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            return 0;
        } catch (Exception ex) {
            System.err.println("kiosk: train-archive: " + ex.getMessage());
            return Main.EXIT_FAILED;
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Called by a kiosk that is ready when the launcher found no archive: runs {@code kiosk
     * train-archive} at the lowest CPU priority, detached, its output discarded.
     */
    static void startInBackground(String launcher, Path configFile) {
        if (launcher == null || launcher.isBlank()) {
            return;
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("nice", "-n", "19", launcher,
                "train-archive"));
        if (configFile != null) {
            command.addAll(java.util.List.of("--config", configFile.toAbsolutePath().toString()));
        }
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            org.slf4j.LoggerFactory.getLogger(ArchiveTraining.class)
                    .info("no class-data-sharing archive yet: recording one in the background (the next start is faster)");
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(ArchiveTraining.class).warn("could not start the archive training: {}",
                    e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind
        }
    }
}
