package vn.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule the configuration check has, each shown by a bad configuration and the exact lines a
 * technician reads (file and line, key, value, expectation): the table in bad-configs.txt. It was
 * recorded from the hand-written validator before the checks moved to annotations on KioskConfig,
 * so a change of wording or a lost check shows here. To re-record after a deliberate change:
 * {@code -Dconfig.table.record=true} writes target/bad-configs.txt with the lines as they are now.
 */
class ConfigValidationTableTest {

    private static final String TABLE = "bad-configs.txt";
    private static final Map<String, List<String>> RECORDED = new ConcurrentHashMap<>();

    record Case(String name, String yaml, Map<String, String> env, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheseProblems(Case c) throws IOException {
        Path file = dir.resolve("kiosk.yaml");
        Files.writeString(file, c.yaml());
        List<String> actual = problems(file, c.env()).stream()
                .map(line -> line.replace(file.toString(), "kiosk.yaml")).toList();
        RECORDED.put(c.name(), actual);
        assertFalse(actual.isEmpty(), "a bad configuration must be refused");
        assertEquals(String.join("\n", c.expected()), String.join("\n", actual), c.name());
    }

    private static List<String> problems(Path file, Map<String, String> env) {
        try {
            new ConfigLoader().load(file, env);
            return List.of();
        } catch (InvalidConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        String name = null;
        StringBuilder yaml = new StringBuilder();
        Map<String, String> env = new LinkedHashMap<>();
        List<String> expected = new ArrayList<>();
        for (String line : table().split("\n", -1)) {
            if (line.startsWith("== ")) {
                if (name != null) {
                    cases.add(new Case(name, yaml.toString(), Map.copyOf(env), List.copyOf(expected)));
                }
                name = line.substring(3);
                yaml.setLength(0);
                env.clear();
                expected.clear();
            } else if (name == null || line.startsWith("#") || line.isBlank()) {
                continue;
            } else if (line.startsWith("$ ")) {
                int eq = line.indexOf('=');
                env.put(line.substring(2, eq), line.substring(eq + 1));
            } else if (line.startsWith("-> ")) {
                expected.add(line.substring(3));
            } else {
                yaml.append(line).append('\n');
            }
        }
        if (name != null) {
            cases.add(new Case(name, yaml.toString(), Map.copyOf(env), List.copyOf(expected)));
        }
        return cases;
    }

    private static String table() throws IOException {
        try (InputStream in = ConfigValidationTableTest.class.getResourceAsStream(TABLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The table with the lines reported now, for a deliberate re-recording (reviewed in the diff). */
    @AfterAll
    static void recordIfAsked() throws IOException {
        if (!Boolean.getBoolean("config.table.record")) {
            return;
        }
        StringBuilder out = new StringBuilder();
        String current = null;
        for (String line : table().split("\n", -1)) {
            if (line.startsWith("-> ")) {
                continue;
            }
            if ((line.startsWith("== ") || line.isEmpty()) && current != null) {
                RECORDED.getOrDefault(current, List.of()).forEach(p -> out.append("-> ").append(p).append('\n'));
                current = null;
            }
            if (line.startsWith("== ")) {
                current = line.substring(3);
            }
            out.append(line).append('\n');
        }
        if (current != null) {
            RECORDED.getOrDefault(current, List.of()).forEach(p -> out.append("-> ").append(p).append('\n'));
        }
        Files.writeString(Path.of("target", TABLE), out.toString().stripTrailing() + "\n");
    }
}
