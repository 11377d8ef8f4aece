package vn.kiosk.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.drinks.DrinkHistory;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.json.Json;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.queue.QueueService;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.reports.ReportPeriod;
import vn.kiosk.reports.ReportService;
import vn.kiosk.storage.Database;
import vn.kiosk.testing.TestConfigs;

/**
 * Benchmark (not a test): a 90-day report over 90,000 tickets (1,000 a business day over the shipped
 * services and counters: called, completed or no-show) in the kiosk's SQLite file, and the same
 * period as a spreadsheet. Run it with scripts/bench.
 */
public final class ReportBench {

    public static void main(String[] args) throws Exception {
        int days = Integer.getInteger("bench.reportDays", 90);
        int perDay = Integer.getInteger("bench.ticketsPerDay", 1000);
        Path dir = Files.createTempDirectory("kiosk-report-bench");
        KioskConfig config = TestConfigs.load(dir, "{}");
        Files.createDirectories(config.dataPath());
        try (Database db = Database.open(config.dataPath().resolve("kiosk.db"))) {
            ServiceCatalog catalog = new ServiceCatalog(config);
            LocalDate last = LocalDate.of(2026, 11, 30);
            LocalDate first = last.minusDays(days - 1);
            long t0 = System.nanoTime();
            seed(db, catalog, config.zone(), first, days, perDay);
            System.out.printf("report: seeded %d tickets over %d days in %.1f s%n", (long) days * perDay, days,
                    (System.nanoTime() - t0) / 1e9);
            QueueService queue = new QueueService(db, catalog, new Outbox(Json.newMapper()), new KioskEvents(),
                    Clock.systemUTC(), config);
            ReportService reports = new ReportService(queue, catalog, new DrinkHistory(db)::between);
            ReportPeriod period = ReportPeriod.parse(first.toString(), last.toString());
            List<Double> summary = new ArrayList<>();
            List<Double> csv = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                long s = System.nanoTime();
                reports.summary(period);
                summary.add((System.nanoTime() - s) / 1e6);
                s = System.nanoTime();
                reports.csv(period, OutputStream.nullOutputStream());
                csv.add((System.nanoTime() - s) / 1e6);
            }
            System.out.printf("report: %d-day summary over %d tickets: first %.0f ms, then median %.0f ms (goal 500 ms)%n",
                    days, (long) days * perDay, summary.get(0), median(summary.subList(1, summary.size())));
            List<Double> read = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long s = System.nanoTime();
                queue.history(first, last, t -> { });
                read.add((System.nanoTime() - s) / 1e6);
            }
            System.out.printf("report: of which reading the %d tickets from SQLite: median %.0f ms%n", (long) days * perDay,
                    median(read));
            System.out.printf("report: %d-day spreadsheet (CSV): first %.0f ms, then median %.0f ms%n", days, csv.get(0),
                    median(csv.subList(1, csv.size())));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void seed(Database db, ServiceCatalog catalog, ZoneId zone, LocalDate first, int days, int perDay) {
        Random random = new Random(42);
        List<KioskConfig.Service> services = catalog.services();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket (id, business_day, number, service_id, "
                    + "issued_service_id, priority, channel, status, issued_at, called_at, counter_id, call_count, finished_at, "
                    + "service_started_at, first_called_at, print_state) VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?,?,?,'printed')")) {
                for (int d = 0; d < days; d++) {
                    LocalDate day = first.plusDays(d);
                    long open = day.atTime(7, 30).atZone(zone).toInstant().toEpochMilli();
                    for (int n = 0; n < perDay; n++) {
                        KioskConfig.Service s = services.get(random.nextInt(services.size()));
                        long issued = open + random.nextInt(9 * 3_600_000);
                        long called = issued + random.nextInt(40 * 60_000);
                        long finished = called + 60_000 + random.nextInt(20 * 60_000);
                        boolean noShow = random.nextInt(20) == 0;
                        ps.setString(1, UUID.randomUUID().toString());
                        ps.setString(2, day.toString());
                        ps.setString(3, s.prefix() + n);
                        ps.setString(4, s.id());
                        ps.setString(5, s.id());
                        ps.setString(6, random.nextInt(10) == 0 ? "elderly" : null);
                        ps.setString(7, random.nextInt(4) == 0 ? "robot" : "touchscreen");
                        ps.setString(8, noShow ? "no_show" : "completed");
                        ps.setLong(9, issued);
                        ps.setLong(10, called);
                        ps.setString(11, s.counters().get(random.nextInt(s.counters().size())));
                        ps.setLong(12, finished);
                        ps.setLong(13, called);
                        ps.setLong(14, called);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
    }
}
