package vn.kiosk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import java.util.Map;
import vn.kiosk.drinks.DrinkService;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.queue.OpeningHours;
import vn.kiosk.scanning.CitizenSession;
import vn.kiosk.scanning.QrCodeParser;
import vn.kiosk.scanning.ScanService;
import vn.kiosk.web.LiveEvents;
import vn.kiosk.config.ConfigCheck;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.fleet.FleetCommands;
import vn.kiosk.fleet.FleetLink;
import vn.kiosk.fleet.Telemetry;
import vn.kiosk.maintenance.MaintenanceMode;
import vn.kiosk.devices.DeviceFactory;
import vn.kiosk.devices.DeviceWatch;
import vn.kiosk.devices.Devices;
import vn.kiosk.devices.SimulatedDevices;
import vn.kiosk.hw.printer.PrinterProfile;
import vn.kiosk.hw.printer.ReceiptEncoder;
import vn.kiosk.hw.printer.TextRasterizer;
import vn.kiosk.printing.TicketDesk;
import vn.kiosk.printing.TicketLayout;
import vn.kiosk.health.HealthCheck;
import vn.kiosk.health.SelfTest;
import vn.kiosk.json.Json;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.drinks.DrinkHistory;
import vn.kiosk.drinks.SiteDrinks;
import vn.kiosk.queue.BusinessDay;
import vn.kiosk.queue.IslandRange;
import vn.kiosk.queue.QueueMode;
import vn.kiosk.reports.ReportService;
import vn.kiosk.queue.QueueService;
import vn.kiosk.queue.QueueStores;
import vn.kiosk.queue.SiteLink;
import vn.kiosk.storage.SiteDatabase;
import vn.kiosk.db.PostgresUrl;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.storage.Database;
import vn.kiosk.web.HttpApi;

/**
 * Wires the kiosk together with plain constructors and owns its lifecycle: everything opened is
 * closed in reverse order, once, whether start-up failed half-way or the process is stopping.
 * It holds no rule: what happens after a change is each feature's subscription to {@link KioskEvents}.
 */
public final class KioskApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KioskApp.class);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final KioskConfig config;
    private final Clock clock;
    private QueueService queue;
    private HttpApi http;
    private Devices devices;
    private DeviceWatch watch;
    private TicketDesk desk;
    private MaintenanceMode maintenance;
    private OpeningHours hours;
    private LiveEvents liveEvents;
    private CitizenSession session;
    private FleetLink fleet;
    private DrinkService drinks;
    private SelfTest selfTest;
    private Path configFile;
    private Map<String, String> env = Map.of();
    private Runnable restart = () -> log.warn("restart requested, but nothing restarts this process");

    public KioskApp(KioskConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Where the configuration came from, so a technician's config.reload can check the file on disk. */
    public KioskApp configSource(Path file, Map<String, String> environment) {
        this.configFile = file;
        this.env = Map.copyOf(environment);
        return this;
    }

    /** What a valid config.reload does (the launcher: exit so the service manager starts the kiosk again). */
    public KioskApp onRestart(Runnable action) {
        this.restart = action;
        return this;
    }

    private java.util.List<String> configProblems() {
        return new ConfigCheck(configFile, env).problems();
    }

    private void requestRestart() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(500); // let the reply reach the technician first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            restart.run();
        }, "restart");
        t.setDaemon(true);
        t.start();
    }

    /** Opens everything; on failure closes what was opened and rethrows. */
    public KioskApp start() throws IOException, SQLException, DataDirLock.AlreadyLockedException,
            org.eclipse.paho.client.mqttv3.MqttException {
        try {
            Path dataDir = config.dataPath();
            opened.push(DataDirLock.acquire(dataDir));
            Database db = Database.open(dataDir.resolve("kiosk.db"));
            opened.push(db);
            devices = Devices.open(config);
            opened.push(devices);
            ObjectMapper json = Json.newMapper();
            Outbox outbox = new Outbox(json);
            KioskEvents events = new KioskEvents();
            ServiceCatalog catalog = new ServiceCatalog(config);
            QueueStores stores;
            BiFunction<LocalDate, LocalDate, List<DrinkHistory.Day>> drinkDays = new DrinkHistory(db)::between;
            if (PostgresUrl.isPostgres(config.queue().store())) {
                SiteDatabase site = SiteDatabase.open(PostgresUrl.parse(config.queue().store(), config.queue().passwordFile()),
                        "kiosk/" + config.site().id() + "/" + config.device().id());
                opened.push(site);
                stores = QueueStores.site(site, db, outbox, config.device().id(),
                        IslandRange.parse(config.queue().island().range()), clock);
                opened.push(SiteLink.start(stores, outbox, events, Version.current(), clock));
                QueueStores joined = stores;
                SiteDrinks siteDrinks = new SiteDrinks(new DrinkHistory(db), site, config.device().id(),
                        () -> joined.mode() == QueueMode.SITE, new BusinessDay(config.zone(), config.businessDayStart()),
                        clock, events).start();
                opened.push(siteDrinks);
                drinkDays = siteDrinks::between;
            } else {
                stores = QueueStores.alone(db, outbox, config.device().id());
            }
            queue = new QueueService(stores, catalog, events, clock, config);
            ReportService reports = new ReportService(queue, catalog, drinkDays);

            maintenance = new MaintenanceMode(db, outbox, events, clock);
            drinks = DrinkService.forDevices(devices, db, outbox, events, json, clock, config, maintenance::isOn);
            if (drinks != null) {
                opened.push(drinks); // closed before the devices: a pour in progress ends as "shutdown"
            }
            watch = new DeviceWatch(devices, config.printing().statusPollMillis(), db, outbox, events, clock);
            opened.push(watch.start());

            PrinterProfile profile = DeviceFactory.printerProfile(config);
            TextRasterizer font = profile.textMode() == PrinterProfile.TextMode.RASTER
                    ? TextRasterizer.load(DeviceFactory.fontFile(config)) : null;
            hours = new OpeningHours(config, clock);
            desk = new TicketDesk(queue, queue, maintenance, hours, devices.printer(), new ReceiptEncoder(profile, font),
                    new TicketLayout(config, catalog), config.printing().waitMillis(), watch::poll);
            opened.push(desk);

            HealthCheck health = new HealthCheck(db, watch, maintenance, clock, Version.current(), config.site().id(),
                    config.device().id());
            if (drinks != null) {
                health.addDispenserDetails(drinks::details);
            }
            health.addQueueStore(queue::storeStatus);
            selfTest = new SelfTest(config, new ConfigCheck(configFile, env), db, watch, drinks == null ? null : drinks::details,
                    this::brokerCheck, clock);
            if (stores.isSite()) {
                selfTest.withQueueStore(queue::storeStatus);
            }

            liveEvents = new LiveEvents(json, config.http().maxEventStreams(), events);
            session = new CitizenSession(clock, Duration.ofSeconds(config.scanning().sessionIdleSeconds()), events);
            opened.push(session);
            if (devices.scanner() != null) {
                ScanService scans = new ScanService(new QrCodeParser(config.printing().ticket().qr(), config.site().id(),
                        config.device().id()), session, queue, catalog, config.scanning().dossierServiceId(),
                        events, clock, config.zone());
                devices.scanner().start(scans);
            }
            if (config.mqtt().url() != null && !config.mqtt().url().isBlank()) {
                Telemetry telemetry = new Telemetry(db, queue, watch, maintenance, dataDir, clock, health.startedAt(),
                        Version.current());
                if (drinks != null) {
                    telemetry.withDrinks(drinks::today);
                }
                var table = FleetCommands.table(desk, queue, catalog, health, telemetry, maintenance,
                        this::configProblems, this::requestRestart, LogLevels::set, drinks,
                        selfTest::run, reports);
                fleet = FleetLink.start(config, db, outbox, json, clock, telemetry, table, Version.current(),
                        health.startedAt());
                opened.push(fleet);
            }
            KioskState state = new KioskState(config, maintenance, hours, watch, drinks);
            http = new HttpApi(config.http(), json, queue, desk, catalog, health, liveEvents, state::snapshot,
                    drinks, selfTest, reports).start();
            opened.push(http);
            log.info("kiosk {}/{} ready on http://{}:{}/ (version {}, data {})", config.site().id(), config.device().id(),
                    config.http().bind(), http.port(), Version.current(), dataDir.toAbsolutePath());
            return this;
        } catch (IOException | SQLException | DataDirLock.AlreadyLockedException | RuntimeException
                 | org.eclipse.paho.client.mqttv3.MqttException e) {
            close();
            throw e;
        }
    }

    public QueueService queue() {
        return queue;
    }

    /** The simulated hardware (sim: devices) of this running kiosk; a real or missing device fails when asked for. */
    public SimulatedDevices simulated() {
        return devices.simulated();
    }

    public DeviceWatch deviceWatch() {
        return watch;
    }

    public MaintenanceMode maintenance() {
        return maintenance;
    }

    public LiveEvents liveEvents() {
        return liveEvents;
    }

    public CitizenSession citizenSession() {
        return session;
    }

    /** The fleet link, or null when no broker is configured. */
    public FleetLink fleet() {
        return fleet;
    }

    private SelfTest.Check brokerCheck(String url) {
        FleetLink link = fleet;
        return link != null && link.isConnected() ? SelfTest.Check.pass("broker", "connected to " + url)
                : SelfTest.Check.fail("broker", "not connected to " + url + " (the kiosk keeps retrying; see its log)");
    }

    /** The technician's check of everything, as kiosk selftest and device.status show it. */
    public SelfTest.Report selfTest() {
        return selfTest.run();
    }

    public int httpPort() {
        return http.port();
    }

    /**
     * Stops taking work, lets requests in flight finish, closes devices and the database. Each part
     * bounds its own wait so that the whole stop fits in the 5 s systemd allows (README); the log
     * says what each took, so a slow part is found from a technician's journal.
     */
    @Override
    public synchronized void close() {
        if (opened.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        if (desk != null) {
            desk.stopWaiting(); // requests waiting for a print answer now, so the HTTP server drains at once
        }
        StringBuilder steps = new StringBuilder();
        while (!opened.isEmpty()) {
            AutoCloseable c = opened.pop();
            long t0 = System.nanoTime();
            try {
                c.close();
            } catch (Exception e) {
                log.warn("closing {} failed", c.getClass().getSimpleName(), e);
            }
            steps.append(steps.isEmpty() ? "" : ", ").append(c.getClass().getSimpleName()).append(' ')
                    .append((System.nanoTime() - t0) / 1_000_000);
        }
        log.info("stopped in {} ms ({})", (System.nanoTime() - start) / 1_000_000, steps);
    }
}
