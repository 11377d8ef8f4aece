package vn.kiosk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import vn.kiosk.config.ConfigCheck;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.devices.DeviceWatch;
import vn.kiosk.devices.Devices;
import vn.kiosk.drinks.DrinkService;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.health.SelfTest;
import vn.kiosk.json.Json;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.storage.Database;

/**
 * {@code kiosk selftest}: with the kiosk stopped, opens the database and devices itself and checks
 * them; while the kiosk runs (it holds the data directory and the devices), asks it instead, so a
 * technician gets the same table either way. Exit 0 when every check passes, 1 otherwise.
 */
final class SelfTestCommand {

    /** How long devices get to settle after opening (a serial printer answers its first status). */
    private static final long SETTLE_MILLIS = 3000;

    private SelfTestCommand() { }

    static int run(KioskConfig config, ConfigCheck source, PrintStream out, PrintStream err) {
        String level = LogLevels.get("ROOT");
        LogLevels.set("ROOT", "WARN"); // the table is the output; drivers' start-up chatter is not
        try {
            return check(config, source, out, err);
        } finally {
            LogLevels.set("ROOT", level);
        }
    }

    private static int check(KioskConfig config, ConfigCheck source, PrintStream out, PrintStream err) {
        SelfTest.Report report;
        try (DataDirLock lock = DataDirLock.acquire(config.dataPath())) {
            report = standalone(config, source);
        } catch (DataDirLock.AlreadyLockedException e) {
            try {
                report = fromRunningKiosk(config);
                out.println("(the kiosk is running: this is its own report)");
            } catch (IOException | RuntimeException ex) {
                err.println("kiosk: selftest: the data directory is in use, and the kiosk using it does not answer on "
                        + url(config) + ": " + ex.getMessage());
                return Main.EXIT_FAILED;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return Main.EXIT_FAILED;
            }
        } catch (IOException | RuntimeException | java.sql.SQLException e) {
            err.println("kiosk: selftest could not run: " + e.getMessage());
            return Main.EXIT_FAILED;
        }
        out.print(SelfTest.table(report));
        return report.ok() ? 0 : Main.EXIT_FAILED;
    }

    private static SelfTest.Report standalone(KioskConfig config, ConfigCheck source) throws java.sql.SQLException {
        Clock clock = Clock.systemUTC();
        ObjectMapper json = Json.newMapper();
        try (Database db = Database.open(config.dataPath().resolve("kiosk.db"));
             Devices devices = Devices.open(config)) {
            // a bus nobody subscribes to: the kiosk is not running, no screen is listening
            DrinkService drinks = DrinkService.forDevices(devices, db, new Outbox(json), new KioskEvents(), json, clock, config,
                    () -> false);
            try {
                DeviceWatch watch = DeviceWatch.readOnly(devices, config.printing().statusPollMillis());
                long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
                do {
                    watch.poll();
                    if (watch.statuses().values().stream().allMatch(s -> s.ok())) {
                        break;
                    }
                    sleep(200);
                } while (System.nanoTime() < deadline);
                return new SelfTest(config, source, db, watch, drinks == null ? null : drinks::details, SelfTest::tcpProbe,
                        clock).run();
            } finally {
                if (drinks != null) {
                    drinks.close();
                }
            }
        }
    }

    private static SelfTest.Report fromRunningKiosk(KioskConfig config) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(config)).timeout(Duration.ofSeconds(15));
        String token = config.http().tokens() == null ? null : config.http().tokens().tech();
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " " + r.body());
        }
        return Json.newMapper().readValue(r.body(), SelfTest.Report.class);
    }

    private static URI url(KioskConfig config) {
        return LocalUrl.of(config.http().bind(), config.http().port(), "/api/selftest");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
