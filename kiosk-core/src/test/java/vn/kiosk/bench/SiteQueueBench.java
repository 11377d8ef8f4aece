package vn.kiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestPostgres;

/**
 * Benchmark (not a test): two kiosk processes on one site queue (a private PostgreSQL cluster over
 * loopback), 8 clients each: ticket latency p50/p99 and throughput; then one kiosk issues 1,000
 * tickets in island mode (server stopped) and the time from the server's return to the last one
 * merged. No printer, as the first line of TicketIssueBench: the queue alone. Run it with scripts/bench
 * (needs Debian's postgresql package).
 */
public final class SiteQueueBench {

    private static final String BODY = "{\"serviceId\": \"land\", \"waitForPrint\": false}";
    /** As TicketIssueBench: the clients take tickets of five services in turn. */
    private static final String[] SERVICES = {"civil-status", "land", "certification", "online-help", "return-results"};

    public static void main(String[] args) throws Exception {
        int perClient = Integer.getInteger("bench.sitePerClient", 250);
        int islandTickets = Integer.getInteger("bench.islandTickets", 1000);
        TestPostgres pg = TestPostgres.asShipped();
        pg.beforeAll(null);
        pg.beforeEach(null);
        // -Dbench.store=sqlite: the same load on two lone kiosks, each with its own SQLite queue (the floor)
        boolean alone = "sqlite".equals(System.getProperty("bench.store"));
        Path work = Files.createTempDirectory("kiosk-site-bench");
        Path config = work.resolve("kiosk.yaml");
        Files.writeString(config, "openingHours: { days: [1, 2, 3, 4, 5, 6, 7], open: \"00:00\", close: \"24:00\" }\n");
        int portA = Ports.free();
        int portB = Ports.free();
        try (KioskProcess a = start(work, "a", portA, config, alone ? "sqlite" : pg.url(), "2000-2999");
             KioskProcess b = start(work, "b", portB, config, alone ? "sqlite" : pg.url(), "3000-3999")) {
            for (int i = 0; i < 300; i++) { // warm-up: JIT, connection pools, server caches
                a.api().post("/api/tickets", BODY);
                b.api().post("/api/tickets", BODY);
            }
            List<Long> all = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> futures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int port : List.of(portA, portB)) {
                for (int c = 0; c < 8; c++) {
                    futures.add(pool.submit(() -> {
                        Api api = new Api(port);
                        for (int i = 0; i < perClient; i++) {
                            String body = "{\"serviceId\": \"" + SERVICES[i % SERVICES.length] + "\", \"waitForPrint\": false}";
                            long s = System.nanoTime();
                            Api.Response r = api.post("/api/tickets", body);
                            all.add(System.nanoTime() - s);
                            if (r.status() != 201) {
                                throw new IllegalStateException(r.status() + " " + r.text());
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
            long wall = System.nanoTime() - t0;
            pool.shutdown();
            List<Long> sorted = new ArrayList<>(all);
            Collections.sort(sorted);
            System.out.printf("%s, 2 kiosks x 8 clients, %d tickets of 5 services: p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                            + "%.0f tickets/s%n", alone ? "two lone kiosks (SQLite each)" : "site queue", sorted.size(), ms(sorted, 0.50), ms(sorted, 0.99),
                    sorted.get(sorted.size() - 1) / 1e6, sorted.size() / (wall / 1e9));

            if (alone) {
                return;
            }
            pg.stopImmediately();
            long i0 = System.nanoTime();
            for (int i = 0; i < islandTickets; i++) {
                Api.Response r = a.api().post("/api/tickets", BODY);
                if (r.status() != 201) {
                    throw new IllegalStateException("island ticket: " + r.status() + " " + r.text());
                }
            }
            System.out.printf("island mode: %d tickets issued in %.1f s%n", islandTickets, (System.nanoTime() - i0) / 1e9);
            pg.start();
            long m0 = System.nanoTime();
            Poll.until(Duration.ofSeconds(120), "the island tickets merged", () -> {
                var h = a.api().get("/api/health").body();
                return h.at("/queue/mode").asText().equals("site") && h.at("/queue/pendingMerge").asLong() == 0;
            });
            System.out.printf("island -> merge of %d tickets: %.2f s from the server's return (includes the "
                    + "time to notice it: the kiosk knocks five times a second)%n", islandTickets, (System.nanoTime() - m0) / 1e9);
            a.terminate(Duration.ofSeconds(20)); // a clean stop: a JFR recording is written at exit
            b.terminate(Duration.ofSeconds(20));
        } finally {
            pg.afterAll(null);
        }
    }

    /** -Dbench.jfr=DIR records a profile of each kiosk (DIR/kiosk-a.jfr), to find where a ticket's time goes. */
    private static List<String> jvmOptions(String name) {
        String jfr = System.getProperty("bench.jfr");
        return jfr == null ? List.of("-Xmx128m") : List.of("-Xmx128m",
                "-XX:StartFlightRecording=settings=profile,filename=" + jfr + "/kiosk-" + name + ".jfr");
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private static KioskProcess start(Path work, String name, int port, Path config, String store, String range) {
        // no printer: the queue alone, as TicketIssueBench's first line (the virtual printer draws each ticket)
        return KioskProcess.start(work, port, Map.of("KIOSK_PRINTER_URL", "", "KIOSK_CONFIG", config.toString(), "KIOSK_DATA_DIR",
                work.resolve(name).toString(), "KIOSK_DEVICE", "kiosk-" + name, "KIOSK_QUEUE_STORE", store,
                "KIOSK_ISLAND_RANGE", range), jvmOptions(name), "run").awaitReady(Duration.ofSeconds(60));
    }
}
