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
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.testing.Ports;

/**
 * Benchmark (not a test): ticket issue latency and throughput over HTTP with durable commits,
 * against the built application started by scripts/kiosk with its production JVM flags and its
 * class-data archive (recorded before, as on an installed Pi), and its resident memory after the
 * warm-up and after the run. Run it with scripts/bench.
 */
public final class TicketIssueBench {

    private static final String[] SERVICES = {"civil-status", "land", "certification", "online-help", "return-results"};

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args.length > 0 ? args[0] : "scripts/kiosk").toAbsolutePath();
        int single = Integer.getInteger("bench.single", 2000);
        int perClient = Integer.getInteger("bench.perClient", 500);
        int clients = Integer.getInteger("bench.clients", 8);
        Path work = Files.createTempDirectory("kiosk-bench");
        int port = Ports.free();
        // The printer changes what is measured: none = the queue alone; file: = the production
        // path to a printer without status; sim: = the virtual printer drawing every ticket.
        String printer = System.getProperty("bench.printer", "");
        String printerUrl = printer.equals("file") ? "file:" + work.resolve("printer.bin") : printer;
        System.out.printf("ticket issue over HTTP, printer '%s'%n", printer.isEmpty() ? "none" : printer);
        Path data = work.resolve("data");
        Map<String, String> env = new java.util.HashMap<>(Map.of("KIOSK_DATA_DIR", data.toString(), "KIOSK_PRINTER_URL", printerUrl));
        if (System.getProperty("bench.javaOpts") != null) { // other JVM flags for the kiosk, to compare
            env.put("KIOSK_JAVA_OPTS", System.getProperty("bench.javaOpts"));
        }
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null) { // -Dbench.jfr=DIR: the launcher's flags plus a profile, DIR/kiosk-<printer>.jfr
            env.put("KIOSK_JAVA_OPTS", launcherFlags(launcher) + " -XX:StartFlightRecording=settings=profile,filename="
                    + Path.of(jfr).toAbsolutePath().resolve("kiosk-" + (printer.isEmpty() ? "none" : printer.replace(":", "")) + ".jfr"));
        }
        trainArchive(launcher, work, env);
        try (KioskProcess kiosk = KioskProcess.startLauncher(launcher, work, port, env, "run").awaitReady(Duration.ofSeconds(60))) {
            KeepAliveClient api = new KeepAliveClient(port);
            int warmup = Integer.getInteger("bench.warmup", 300);
            run(api, warmup, 0); // warm-up: JIT, connection pool, SQLite page cache
            System.out.printf("resident memory after %d tickets: %d MB (VmRSS)%n", warmup, status(kiosk.process().pid(), "VmRSS") / 1024);
            // The same request to a path with no route: Jetty and Javalin alone (reading the request,
            // a JSON 404), the floor of any API call in this JVM
            run(api, 300, 0, "/api/no-such-route", 404);
            report("HTTP alone", run(api, single, 0, "/api/no-such-route", 404));
            long pid = kiosk.process().pid();
            long cpu0 = cpuMillis(pid);
            long system0 = systemMillis(Files.readString(Path.of("/proc/" + pid + "/stat")));
            Map<String, Long> threads0 = threadCpuMillis(pid);
            report("1 client", run(api, single, 0));
            // CPU the kiosk spent per ticket, and by which of its threads: steadier than latency on a
            // shared host, and what a Pi pays
            Map<String, Long> threads1 = threadCpuMillis(pid);
            StringBuilder by = new StringBuilder();
            threads1.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - threads0.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() * 100 >= single) // at least 0.01 ms per ticket
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> by.append(String.format(" %s %.2f,", e.getKey(), e.getValue() / (double) single)));
            System.out.printf("kiosk CPU per ticket (1 client): %.2f ms, of which in the kernel %.2f ms (disk writes and "
                            + "syncs, sockets, thread wake-ups); by thread (ms):%s%n",
                    (cpuMillis(pid) - cpu0) / (double) single,
                    (systemMillis(Files.readString(Path.of("/proc/" + pid + "/stat"))) - system0) / (double) single,
                    by.length() == 0 ? " -" : by.substring(0, by.length() - 1));
            List<Long> all = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<Result>> futures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int offset = c;
                futures.add(pool.submit(() -> {
                    try (KeepAliveClient client = new KeepAliveClient(port)) {
                        return run(client, perClient, offset);
                    }
                }));
            }
            for (Future<Result> f : futures) {
                all.addAll(f.get().nanos());
            }
            long wall = System.nanoTime() - t0;
            pool.shutdown();
            report(clients + " clients", new Result(all, wall));
            long tickets = warmup + (long) single + (long) clients * perClient;
            System.out.printf("resident memory after %d tickets: %d MB (VmRSS), peak %d MB (VmHWM)%n", tickets,
                    status(kiosk.process().pid(), "VmRSS") / 1024, status(kiosk.process().pid(), "VmHWM") / 1024);
            kiosk.terminate(Duration.ofSeconds(10));
        }
    }

    /**
     * Records the class-data archive before the measured run, as the installer does on a Pi: a kiosk
     * in service maps it on every start. Without this the launcher's first start trains it in a second
     * JVM while the measured run is going, which measures neither the kiosk a Pi runs nor the bench's
     * own (2 cores shared by three JVMs).
     */
    private static void trainArchive(Path launcher, Path work, Map<String, String> env) throws Exception {
        Path data = Path.of(env.get("KIOSK_DATA_DIR"));
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "train-archive")
                .redirectErrorStream(true).redirectOutput(work.resolve("train-archive.txt").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("KIOSK_"));
        pb.environment().put("KIOSK_DATA_DIR", data.toString());
        if (env.containsKey("KIOSK_JAVA_OPTS")) {
            pb.environment().put("KIOSK_JAVA_OPTS", env.get("KIOSK_JAVA_OPTS"));
        }
        Process p = pb.start();
        if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("kiosk train-archive failed: " + Files.readString(work.resolve("train-archive.txt")));
        }
        try (var archives = Files.newDirectoryStream(data.resolve("cds"), "kiosk-*.jsa")) {
            if (!archives.iterator().hasNext()) {
                throw new IllegalStateException("kiosk train-archive wrote no archive in " + data.resolve("cds"));
            }
        }
    }

    /** The flags scripts/kiosk gives the JVM (scripts/lib/jvm-opts.sh), to add a profile to them. */
    private static String launcherFlags(Path launcher) throws Exception {
        Path lib = launcher.getParent().resolve("lib");
        Process p = new ProcessBuilder("bash", "-c", ". " + lib.resolve("java.sh") + "; . " + lib.resolve("jvm-opts.sh")
                + "; kiosk_jvm_opts \"$(kiosk_find_java)\"").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("kiosk_jvm_opts failed: " + out);
        }
        return out;
    }

    record Result(List<Long> nanos, long wallNanos) { }

    private static Result run(KeepAliveClient api, int n, int offset) throws java.io.IOException {
        return run(api, n, offset, "/api/tickets", 201);
    }

    private static Result run(KeepAliveClient api, int n, int offset, String path, int expected) throws java.io.IOException {
        List<Long> out = new ArrayList<>(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String body = "{\"serviceId\": \"" + SERVICES[(i + offset) % SERVICES.length] + "\", \"channel\": \"robot\"}";
            long s = System.nanoTime();
            KeepAliveClient.Answer r = api.post(path, body);
            out.add(System.nanoTime() - s);
            if (r.status() != expected) {
                throw new IllegalStateException("issue failed: " + r.status() + " " + r.body());
            }
        }
        return new Result(out, System.nanoTime() - t0);
    }

    private static void report(String label, Result r) {
        List<Long> sorted = new ArrayList<>(r.nanos());
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        double max = sorted.get(sorted.size() - 1) / 1e6;
        double throughput = sorted.size() / (r.wallNanos() / 1e9);
        System.out.printf("%-10s %6d tickets  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  %7.0f tickets/s%n",
                label, sorted.size(), p50, p99, max, throughput);
    }

    /** User + system CPU time of a process so far. */
    private static long cpuMillis(long pid) throws Exception {
        return cpuMillis(Files.readString(Path.of("/proc/" + pid + "/stat")));
    }

    /** User + system CPU time in a /proc stat line. */
    private static long cpuMillis(String stat) {
        return statMillis(stat, 14) + systemMillis(stat);
    }

    /** System (kernel) CPU time in a /proc stat line. */
    private static long systemMillis(String stat) {
        return statMillis(stat, 15);
    }

    /** Field {@code field} of a /proc stat line (14: user, 15: system; clock ticks of 10 ms), in ms. */
    private static long statMillis(String stat, int field) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[field - 3]) * 10;
    }

    /** CPU time of a process's threads so far, summed by thread name without its number (http-12: http). */
    private static Map<String, Long> threadCpuMillis(long pid) throws Exception {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (var tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue; // the thread ended
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[-#\\s]*\\d+$", "");
                out.merge(name, cpuMillis(stat), Long::sum);
            }
        }
        return out;
    }

    private static long status(long pid, String key) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
