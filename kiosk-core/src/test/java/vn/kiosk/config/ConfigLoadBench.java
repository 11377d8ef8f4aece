package vn.kiosk.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up cost of the configuration (a benchmark, not a test; run in a fresh JVM per cold figure):
 * <ul>
 *   <li>{@code load FILE}: the first ConfigLoader.load of a JVM (Jackson, SnakeYAML, binding, validation);
 *   <li>{@code validate}: the first validation of a JVM, the tree already read and bound, so only the
 *       validator's own class loading, reflection and checks count;
 *   <li>{@code warm FILE}: validation and whole loads repeated until warm, median per call.
 * </ul>
 * Prints wall time, this thread's CPU time and the process's CPU time (JIT threads included).
 * scripts/bench runs each once; for a comparison run each mode in 15 or more fresh JVMs and take medians.
 */
public final class ConfigLoadBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ConfigLoadBench() { }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> {
                Path file = Path.of(args[1]);
                long[] t = start();
                new ConfigLoader().load(file, Map.of());
                report("cold load", t);
            }
            case "validate" -> {
                Bound bound = bind();
                long[] t = start();
                List<ConfigProblem> problems = validate(bound);
                report("cold validate", t);
                if (!problems.isEmpty()) {
                    throw new AssertionError(problems);
                }
            }
            case "warm" -> {
                Path file = Path.of(args[1]);
                Bound bound = bind();
                System.out.printf(Locale.ROOT, "warm validate: median %.3f ms%n", median(5000, () -> validate(bound)));
                System.out.printf(Locale.ROOT, "warm load: median %.3f ms%n", median(300, () -> {
                    try {
                        new ConfigLoader().load(file, Map.of());
                    } catch (InvalidConfigException e) {
                        throw new AssertionError(e);
                    }
                }));
            }
            default -> throw new IllegalArgumentException("load FILE | validate | warm FILE");
        }
    }

    /** The built-in defaults read and bound as ConfigLoader does, without touching the validator. */
    private record Bound(JsonNode tree, KioskConfig config) { }

    private static final ObjectMapper MAPPER = new ObjectMapper(ConfigLimits.yamlFactory())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static Bound bind() throws Exception {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/defaults/kiosk.yaml")) {
            JsonNode tree = MAPPER.readTree(in);
            return new Bound(tree, MAPPER.treeToValue(tree, KioskConfig.class));
        }
    }

    private static List<ConfigProblem> validate(Bound bound) {
        List<ConfigProblem> problems = new ArrayList<>();
        new ConfigValidator(new SourceMap(), problems).validate((ObjectNode) bound.tree(), MAPPER);
        return problems;
    }

    private static long[] start() {
        return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime(), OS.getProcessCpuTime()};
    }

    private static void report(String what, long[] t) {
        System.out.printf(Locale.ROOT, "%s: wall %.2f ms, thread cpu %.2f ms, process cpu %.2f ms%n", what,
                (System.nanoTime() - t[0]) / 1e6, (THREADS.getCurrentThreadCpuTime() - t[1]) / 1e6,
                (OS.getProcessCpuTime() - t[2]) / 1e6);
    }

    private static double median(int runs, Runnable r) {
        for (int i = 0; i < runs; i++) {
            r.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
