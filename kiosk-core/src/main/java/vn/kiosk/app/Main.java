package vn.kiosk.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.kiosk.config.ConfigCheck;
import vn.kiosk.config.ConfigLoader;
import vn.kiosk.config.InvalidConfigException;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.monitor.FleetMonitor;
import vn.kiosk.printing.TicketPreview;

/**
 * Command line entry point (scripts/kiosk calls it). Exit codes: 0 done, 1 start-up failed,
 * 2 usage error, 3 invalid configuration, 4 data directory in use by another kiosk process.
 */
public final class Main {

    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_CONFIG = 3;
    static final int EXIT_LOCKED = 4;
    /** A technician's config.reload: the service manager starts the kiosk again (RestartForceExitStatus=75). */
    static final int EXIT_RESTART = 75;

    private static final String HELP = """
            Usage: kiosk <command> [options]

            Commands:
              run [--config FILE]     run the kiosk with the devices named in the configuration
              demo [--config FILE]    run with every device simulated, open at any hour, and print
                                      the touchscreen URL
              check-config [--config FILE]
                                      validate the configuration, print the problems, and exit
              selftest [--config FILE]
                                      check the configuration, database, disk, clock, each device
                                      and the broker; print a table; exit 1 if a check fails
                                      (while the kiosk runs, it asks the running kiosk)
              train-archive [--config FILE]
                                      start and stop the kiosk once on simulated devices in a
                                      scratch directory (the launcher records the class-data-
                                      sharing archive from it)
              monitor --broker URL [--site S] [--username U --password P]
                                      live table of every kiosk on a broker, with alerts (Ctrl-C quits)
              preview-ticket --out FILE.png [--profile NAME] [--config FILE]
                                      render a sample ticket as the configured (or named)
                                      printer profile would print it
              --help                  show this help

            The configuration file defaults to $KIOSK_CONFIG, else the built-in defaults
            (config/kiosk.yaml). Environment variables override single keys: KIOSK_DATA_DIR,
            KIOSK_HTTP_PORT, KIOSK_SITE, KIOSK_DEVICE, KIOSK_MQTT_URL, KIOSK_PRINTER_URL,
            KIOSK_SCANNER_URL, KIOSK_DISPENSER_URL, KIOSK_QUEUE_STORE, KIOSK_QUEUE_PASSWORD_FILE,
            KIOSK_ISLAND_RANGE.

            Exit codes: 0 stopped normally, 1 start-up failed, 2 usage error,
            3 invalid configuration, 4 data directory already used by another kiosk process,
            75 restart requested (config.reload): the service manager starts it again.
            """;

    private Main() { }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    private static int previewTicket(KioskConfig config, String profile, Path outFile, PrintStream out, PrintStream err) {
        try {
            TicketPreview.Result r = TicketPreview.render(config, profile);
            if (outFile.toAbsolutePath().getParent() != null) {
                Files.createDirectories(outFile.toAbsolutePath().getParent());
            }
            Files.write(outFile, r.png());
            out.println("wrote " + outFile + ": profile " + r.profile().name() + ", " + r.profile().paperWidthDots()
                    + " dots wide, text mode " + r.profile().textMode().id() + ", " + r.bytesSent() + " bytes to the printer");
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("kiosk: preview-ticket: " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("--help", "-h", "help").contains(args[0])) {
            out.print(HELP);
            return args.length == 0 ? EXIT_USAGE : 0;
        }
        String command = args[0];
        Map<String, List<String>> allowed = Map.of("run", List.of("--config"), "demo", List.of("--config"),
                "check-config", List.of("--config"), "selftest", List.of("--config"), "train-archive", List.of("--config"), "preview-ticket", List.of("--config", "--out", "--profile"),
                "monitor", List.of("--broker", "--site", "--username", "--password", "--seconds"));
        if (!allowed.containsKey(command)) {
            err.println("kiosk: unknown command '" + command + "' (see kiosk --help)");
            return EXIT_USAGE;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (allowed.get(command).contains(args[i]) && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                err.println("kiosk: unknown option '" + args[i] + "' for '" + command + "' (see kiosk --help)");
                return EXIT_USAGE;
            }
        }
        String configFile = options.get("--config");
        if (command.equals("preview-ticket") && !options.containsKey("--out")) {
            err.println("kiosk: preview-ticket needs --out FILE.png");
            return EXIT_USAGE;
        }
        Map<String, String> effectiveEnv = new HashMap<>(env);
        if (command.equals("demo")) {
            // Everything simulated, whatever the file says.
            effectiveEnv.put("KIOSK_PRINTER_URL", "sim:");
            effectiveEnv.put("KIOSK_SCANNER_URL", "sim:");
            effectiveEnv.put("KIOSK_DISPENSER_URL", "sim:");
        }
        if (command.equals("monitor")) {
            return FleetMonitor.run(options, out, err);
        }
        if (command.equals("train-archive")) {
            return ArchiveTraining.run(ConfigLoader.chooseFile(configFile, effectiveEnv), effectiveEnv);
        }
        KioskConfig config;
        try {
            Path file = ConfigLoader.chooseFile(configFile, effectiveEnv);
            config = new ConfigLoader().load(file, effectiveEnv);
        } catch (InvalidConfigException e) {
            err.println("kiosk: the configuration is invalid (" + e.problems().size() + " problem"
                    + (e.problems().size() == 1 ? "" : "s") + "):");
            e.problems().forEach(p -> err.println("  " + p));
            return EXIT_CONFIG;
        }
        if (command.equals("check-config")) {
            out.println("configuration OK");
            return 0;
        }
        if (command.equals("preview-ticket")) {
            return previewTicket(config, options.get("--profile"), Path.of(options.get("--out")), out, err);
        }
        // Logging starts only now, so its files go under the configured data directory.
        System.setProperty("kiosk.log.dir", config.dataPath().resolve("logs").toAbsolutePath().toString());
        if (command.equals("selftest")) {
            return SelfTestCommand.run(config, new ConfigCheck(ConfigLoader.chooseFile(configFile, effectiveEnv), effectiveEnv),
                    out, err);
        }
        if (command.equals("demo")) {
            config = config.alwaysOpen();
        }
        DemoBroker broker = null;
        if (command.equals("demo") && (config.mqtt().url() == null || config.mqtt().url().isBlank())) {
            try {
                broker = DemoBroker.start(1883);
                effectiveEnv.put("KIOSK_MQTT_URL", broker.url());
                config = new ConfigLoader().load(ConfigLoader.chooseFile(configFile, effectiveEnv), effectiveEnv).alwaysOpen();
            } catch (DemoBroker.NotInstalled e) {
                err.println("kiosk: " + e.getMessage());
            } catch (IOException | InvalidConfigException e) {
                err.println("kiosk: the demo broker did not start: " + e.getMessage());
                return EXIT_FAILED;
            }
        }
        KioskApp app = new KioskApp(config, Clock.systemUTC())
                .configSource(ConfigLoader.chooseFile(configFile, effectiveEnv), effectiveEnv)
                .onRestart(() -> System.exit(EXIT_RESTART));
        try {
            app.start();
        } catch (DataDirLock.AlreadyLockedException e) {
            err.println("kiosk: " + e.getMessage());
            return EXIT_LOCKED;
        } catch (Exception e) {
            err.println("kiosk: start-up failed: " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(Main.class).error("start-up failed", e);
            return EXIT_FAILED;
        }
        DemoBroker demoBroker = broker;
        SystemdNotifier systemd = new SystemdNotifier(env);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            systemd.close();
            app.close();
            if (demoBroker != null) {
                demoBroker.close();
            }
            Logging.stop();
        }, "shutdown"));
        String host = config.http().bind().equals("0.0.0.0") ? "127.0.0.1" : config.http().bind();
        out.println("Kiosk ready. Touchscreen UI: http://" + host + ":" + app.httpPort() + "/");
        if (demoBroker != null) {
            out.println("Fleet broker (embedded): " + demoBroker.url() + "   watch it with: scripts/kiosk monitor --broker "
                    + demoBroker.url());
        }
        out.flush();
        // Database, HTTP and devices are up: READY=1; the watchdog is fed while /api/health answers 200
        // over HTTP (UP or DEGRADED: a printer out of paper is no reason to restart).
        systemd.ready(new HealthProbe(config.http().bind(), app.httpPort()));
        ArchiveTraining.startInBackground(System.getProperty("kiosk.trainArchive"),
                ConfigLoader.chooseFile(configFile, effectiveEnv));
        return 0;
    }
}
