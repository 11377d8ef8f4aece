package vn.kiosk.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.kiosk.hw.DeviceUrl;

/**
 * The compiled production classes of both modules (not the sources: an import is not the only way
 * to depend on a package) as jdeps sees them, with no package cycle among vn.kiosk packages. A cycle
 * means two packages can only be understood and changed together (issue 14: config and devices).
 */
class PackageCycleTest {

    private static final Pattern EDGE = Pattern.compile("^\\s+(vn\\.kiosk[\\w.]*)\\s+->\\s+(vn\\.kiosk[\\w.]*)\\s");

    @Test
    void thePackageGraphHasNoCycle() throws Exception {
        Map<String, Set<String>> graph = packageGraph();
        assertTrue(graph.containsKey("vn.kiosk.config") && graph.containsKey("vn.kiosk.hw.printer"),
                "jdeps saw both modules: " + graph.keySet());
        List<List<String>> cycles = new ArrayList<>();
        for (String from : graph.keySet()) {
            List<String> cycle = cycleThrough(from, graph);
            if (cycle != null) {
                cycles.add(cycle);
            }
        }
        assertEquals(List.of(), cycles, "package cycles (each a path back to its start)");
    }

    /** Package -> the vn.kiosk packages it uses, from {@code jdeps -verbose:package} on the class directories. */
    private static Map<String, Set<String>> packageGraph() throws URISyntaxException {
        Path core = Path.of("target/classes");
        Path drivers = Path.of(DeviceUrl.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(core.resolve("vn/kiosk")), "kiosk-core's classes at " + core.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new AssertionError("jdeps is missing: the tests need a JDK, not a JRE"));
        StringWriter out = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-e", "vn\\.kiosk\\..*",
                core.toString(), drivers.toString());
        assertEquals(0, code, "jdeps failed:\n" + out);
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
            }
        }
        return graph;
    }

    /** A shortest path from {@code start} back to itself, or null. */
    private static List<String> cycleThrough(String start, Map<String, Set<String>> graph) {
        Map<String, String> cameFrom = new TreeMap<>();
        List<String> frontier = new ArrayList<>(List.of(start));
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String at : frontier) {
                for (String to : graph.get(at)) {
                    if (to.equals(start)) {
                        List<String> path = new ArrayList<>(List.of(start));
                        for (String p = at; p != null; p = cameFrom.get(p)) {
                            path.add(1, p);
                        }
                        path.remove(1); // the start was added twice
                        path.add(start);
                        return path;
                    }
                    if (!cameFrom.containsKey(to)) {
                        cameFrom.put(to, at);
                        next.add(to);
                    }
                }
            }
            frontier = next;
        }
        return null;
    }
}
