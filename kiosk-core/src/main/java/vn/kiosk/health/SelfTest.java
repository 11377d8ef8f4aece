package vn.kiosk.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.kiosk.config.ConfigCheck;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.devices.DeviceWatch;
import vn.kiosk.devices.Devices;
import vn.kiosk.drinks.DispenserDetails;
import vn.kiosk.hw.DeviceStatus;
import vn.kiosk.storage.Database;

/**
 * What a technician checks when a kiosk misbehaves, in one table: configuration, database, disk,
 * clock, each device, the broker. The same report answers {@code kiosk selftest}, GET
 * /api/selftest and the tech command device.status.
 */
public final class SelfTest {

    /** A check's outcome; SKIP for what this kiosk does not have (no dispenser, no broker). */
    public enum Result { PASS, FAIL, SKIP }

    public record Check(String name, Result result, String detail) {

        public static Check pass(String name, String detail) {
            return new Check(name, Result.PASS, detail);
        }

        public static Check fail(String name, String detail) {
            return new Check(name, Result.FAIL, detail);
        }

        public static Check skip(String name, String detail) {
            return new Check(name, Result.SKIP, detail);
        }
    }

    public record Report(boolean ok, List<Check> checks) { }

    /** Whether the broker can be reached: the running kiosk knows; a stand-alone check connects. */
    @FunctionalInterface
    public interface BrokerProbe {
        Check check(String url);
    }

    static final long MIN_FREE_BYTES = 100L * 1024 * 1024;
    /** Older than the software itself: the clock was never set (a Pi has no battery clock). */
    static final Instant EARLIEST_PLAUSIBLE = Instant.parse("2026-01-01T00:00:00Z");

    private final KioskConfig config;
    private final ConfigCheck configOnDisk;
    private final Database db;
    private final DeviceWatch devices;
    private final Supplier<DispenserDetails> dispenserDetails;
    private final BrokerProbe broker;
    private final Clock clock;
    private volatile Supplier<vn.kiosk.queue.QueueStoreStatus> queueStore;

    public SelfTest(KioskConfig config, ConfigCheck configOnDisk, Database db, DeviceWatch devices,
                    Supplier<DispenserDetails> dispenserDetails, BrokerProbe broker, Clock clock) {
        this.config = config;
        this.configOnDisk = configOnDisk;
        this.db = db;
        this.devices = devices;
        this.dispenserDetails = dispenserDetails;
        this.broker = broker;
        this.clock = clock;
    }

    /** A kiosk of a site: its check says whether the site's server answers, its schema and its standby's lag. */
    public SelfTest withQueueStore(Supplier<vn.kiosk.queue.QueueStoreStatus> supplier) {
        queueStore = supplier;
        return this;
    }

    public Report run() {
        List<Check> checks = new ArrayList<>();
        checks.add(configuration());
        checks.add(database());
        checks.add(disk());
        if (queueStore != null) {
            checks.add(queueStoreCheck(queueStore.get()));
        }
        checks.add(clockCheck());
        Map<String, DeviceStatus> statuses = devices.statuses();
        for (String name : List.of("printer", "scanner", "dispenser")) {
            checks.add(device(name, statuses.get(name)));
        }
        String url = config.mqtt().url();
        checks.add(url == null || url.isBlank() ? Check.skip("broker", "none configured (offline kiosk)") : broker.check(url));
        return new Report(checks.stream().noneMatch(c -> c.result() == Result.FAIL), List.copyOf(checks));
    }

    private static Check queueStoreCheck(vn.kiosk.queue.QueueStoreStatus s) {
        String facts = "schema " + (s.schemaVersion() == null ? "unknown" : s.schemaVersion())
                + (s.replicationLagSeconds() == null ? ", no standby seen" : ", standby replay lag " + s.replicationLagSeconds() + " s")
                + (s.pendingMerge() > 0 ? ", " + s.pendingMerge() + " island tickets to merge" : "");
        return s.mode() == vn.kiosk.queue.QueueMode.SITE && s.problem() == null
                ? Check.pass("queue store", "site server answers (" + facts + ")")
                : Check.fail("queue store", s.mode().id() + ": " + s.problem() + " (" + facts + ")");
    }

    /** The file as it is now, not as it was at the start: an edit that broke it would stop the next start. */
    private Check configuration() {
        List<String> problems = configOnDisk.problems();
        if (problems.isEmpty()) {
            return Check.pass("configuration", configOnDisk.describe() + " is valid");
        }
        return Check.fail("configuration", configOnDisk.describe() + " is invalid now (the next start would fail): "
                + problems.get(0) + (problems.size() > 1 ? " (+" + (problems.size() - 1) + " more: kiosk check-config)" : ""));
    }

    private Check database() {
        var fault = db.writeFault(); // a read passes on a full or read-only disk: the last write tells
        if (fault != null) {
            return Check.fail("database", "cannot write: " + fault.describe());
        }
        try {
            String result = db.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA quick_check")) {
                    return rs.next() ? rs.getString(1) : "no answer";
                }
            });
            return "ok".equals(result) ? Check.pass("database", "quick_check ok")
                    : Check.fail("database", "quick_check: " + result);
        } catch (RuntimeException e) {
            return Check.fail("database", "not readable: " + e.getMessage());
        }
    }

    private Check disk() {
        try {
            long free = Files.getFileStore(config.dataPath()).getUsableSpace();
            String detail = (free / (1024 * 1024)) + " MB free in " + config.dataPath().toAbsolutePath();
            return free >= MIN_FREE_BYTES ? Check.pass("disk", detail) : Check.fail("disk", detail + " (need 100 MB)");
        } catch (IOException e) {
            return Check.fail("disk", "cannot read free space: " + e.getMessage());
        }
    }

    private Check clockCheck() {
        Instant now = clock.instant();
        if (now.isBefore(EARLIEST_PLAUSIBLE)) {
            return Check.fail("clock", now + " is before this software existed: the clock was never set (no network time?)");
        }
        Long last = db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT MAX(ts) FROM outbox")) {
                return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : null;
            }
        });
        if (last != null && now.isBefore(Instant.ofEpochMilli(last).minusSeconds(300))) {
            return Check.fail("clock", now + " is behind the last recorded event (" + Instant.ofEpochMilli(last)
                    + "): the clock went back; ticket numbers may restart");
        }
        boolean synced = Files.exists(Path.of("/run/systemd/timesync/synchronized"));
        return Check.pass("clock", now + (synced ? " (network time synchronised)" : ""));
    }

    private Check device(String name, DeviceStatus s) {
        if (!Devices.configured(s)) {
            return Check.skip(name, "not configured");
        }
        String detail = s.state() + ": " + s.detail();
        if (name.equals("dispenser") && s.ok() && dispenserDetails != null) {
            DispenserDetails d = dispenserDetails.get();
            Double t = d.temperatureC();
            detail += "; cup " + (d.cupPresent() ? "present" : "absent") + ", levels " + levels(d.levels())
                    + ", hot tank " + (t == null ? "no reading (" + d.temperatureProblem() + ")" : t + " °C");
        }
        return s.ok() ? Check.pass(name, detail) : Check.fail(name, detail);
    }

    /** As the levels read when they were a map: {cold=ok, hot=low}. */
    private static String levels(DispenserDetails.Levels l) {
        return "{cold=" + l.cold().id() + ", hot=" + l.hot().id() + "}";
    }

    /** A stand-alone probe: can a TCP connection to the broker's host and port be made within 3 s. */
    public static Check tcpProbe(String url) {
        try {
            URI uri = URI.create(url);
            int port = uri.getPort() > 0 ? uri.getPort() : "ssl".equals(uri.getScheme()) ? 8883 : 1883;
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(uri.getHost(), port), 3000);
            }
            return Check.pass("broker", uri.getHost() + ":" + port + " reachable");
        } catch (IOException | IllegalArgumentException e) {
            return Check.fail("broker", "cannot reach " + url + ": " + e.getMessage());
        }
    }

    /** The report as a table for a terminal. */
    public static String table(Report r) {
        StringBuilder b = new StringBuilder();
        for (Check c : r.checks()) {
            b.append(String.format("%-14s %-5s %s%n", c.name(), c.result(), c.detail()));
        }
        b.append(r.ok() ? "all checks passed" : "SOME CHECKS FAILED").append(System.lineSeparator());
        return b.toString();
    }
}
