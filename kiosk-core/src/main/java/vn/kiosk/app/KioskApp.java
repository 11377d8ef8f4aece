package vn.kiosk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.devices.DeviceFactory;
import vn.kiosk.devices.DeviceStateEvent;
import vn.kiosk.devices.DeviceWatch;
import vn.kiosk.devices.Devices;
import vn.kiosk.hw.printer.PrinterProfile;
import vn.kiosk.hw.printer.ReceiptEncoder;
import vn.kiosk.hw.printer.TextRasterizer;
import vn.kiosk.printing.TicketDesk;
import vn.kiosk.printing.TicketLayout;
import vn.kiosk.health.HealthCheck;
import vn.kiosk.json.Json;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.queue.QueueService;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.storage.Database;
import vn.kiosk.web.HttpApi;

/**
 * Wires the kiosk together with plain constructors and owns its lifecycle: everything opened is
 * closed in reverse order, once, whether start-up failed half-way or the process is stopping.
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

    public KioskApp(KioskConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Opens everything; on failure closes what was opened and rethrows. */
    public KioskApp start() throws IOException, SQLException, DataDirLock.AlreadyLockedException {
        try {
            Path dataDir = config.dataPath();
            opened.push(DataDirLock.acquire(dataDir));
            Database db = Database.open(dataDir.resolve("kiosk.db"));
            opened.push(db);
            devices = Devices.open(config);
            opened.push(devices);
            ObjectMapper json = Json.newMapper();
            Outbox outbox = new Outbox(json);
            ServiceCatalog catalog = new ServiceCatalog(config);
            queue = new QueueService(db, catalog, outbox, clock, config);

            watch = new DeviceWatch(devices, config.printing().statusPollMillis());
            watch.onChange((device, before, now) -> outbox.record(db, device + ".state", clock.instant(),
                    DeviceStateEvent.data(before, now)));
            opened.push(watch.start());

            PrinterProfile profile = DeviceFactory.printerProfile(config);
            TextRasterizer font = profile.textMode() == PrinterProfile.TextMode.RASTER
                    ? TextRasterizer.load(DeviceFactory.fontFile(config)) : null;
            desk = new TicketDesk(queue, devices.printer(), new ReceiptEncoder(profile, font),
                    new TicketLayout(config, catalog), config.printing().waitMillis(), watch::poll);
            opened.push(desk);

            HealthCheck health = new HealthCheck(db, watch, clock, Version.current(), config.site().id(), config.device().id());
            http = new HttpApi(config.http(), json, queue, desk, catalog, health).start();
            opened.push(http);
            log.info("kiosk {}/{} ready on http://{}:{}/ (version {}, data {})", config.site().id(), config.device().id(),
                    config.http().bind(), http.port(), Version.current(), dataDir.toAbsolutePath());
            return this;
        } catch (IOException | SQLException | DataDirLock.AlreadyLockedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public QueueService queue() {
        return queue;
    }

    public Devices devices() {
        return devices;
    }

    public DeviceWatch deviceWatch() {
        return watch;
    }

    public TicketDesk desk() {
        return desk;
    }

    public int httpPort() {
        return http.port();
    }

    /** Stops taking work, lets requests in flight finish, closes devices and the database. */
    @Override
    public synchronized void close() {
        while (!opened.isEmpty()) {
            AutoCloseable c = opened.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.warn("closing {} failed", c.getClass().getSimpleName(), e);
            }
        }
    }
}
