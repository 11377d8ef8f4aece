package vn.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or broken configuration files are refused within a second with a problem that names
 * the file, the line where it can, and the limit: before, a 10 MB value ran the heap out after
 * 36 s and 300,000 keys took 2.5 s. The same loader serves start-up, check-config and config.reload.
 */
class ConfigLimitsTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @BeforeAll
    static void warmUp() throws Exception {
        new ConfigLoader().load(null, Map.of()); // class loading is start-up cost, not the limit's
    }

    private ConfigProblem refused(String name, String yaml) throws Exception {
        return refused(name, yaml, "limit");
    }

    private ConfigProblem refused(String name, String yaml, String says) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return assertTimeoutPreemptively(WITHIN, () -> {
            try {
                new ConfigLoader().load(file, Map.of());
            } catch (InvalidConfigException e) {
                assertTrue(e.problems().size() <= 3, "a few clear problems, not one per key: " + e.problems().size());
                ConfigProblem p = e.problems().get(0);
                assertTrue(p.toString().contains(file.toString()), "names the file: " + p);
                assertTrue(p.toString().contains(says), "says \"" + says + "\": " + p);
                return p;
            }
            return fail("accepted " + name);
        }, name + " must be refused within " + WITHIN);
    }

    @Test
    void aTenMegabyteValueIsRefused() throws Exception {
        ConfigProblem p = refused("huge-value.yaml", "site:\n  name:\n    vi: \"" + "a".repeat(10 * 1024 * 1024) + "\"\n");
        assertTrue(p.toString().contains("10.0 MB") && p.toString().contains("limit is 256 KB"), p.toString());
    }

    @Test
    void threeHundredThousandKeysAreRefused() throws Exception {
        refused("many-keys.yaml", IntStream.range(0, 300_000).mapToObj(i -> "k" + i + ": " + i).collect(Collectors.joining("\n")));
    }

    @Test
    void tensOfThousandsOfKeysInASmallFileAreRefused() throws Exception {
        // under the file size limit: the count of keys and values is what stops it
        ConfigProblem p = refused("small-many-keys.yaml",
                IntStream.range(0, 20_000).mapToObj(i -> "k" + i + ": 0").collect(Collectors.joining("\n")));
        assertTrue(p.toString().contains("keys and values"), p.toString());
        assertTrue(p.where().contains(" line "), "says the line where the limit was passed: " + p);
    }

    @Test
    void aLongValueInASmallFileIsRefusedWithItsLine() throws Exception {
        ConfigProblem p = refused("long-value.yaml", "site:\n  id: x\n  name:\n    vi: \"" + "a".repeat(100_000) + "\"\n");
        assertTrue(p.toString().contains("site.name.vi") && p.toString().contains("characters"), p.toString());
        assertTrue(p.where().endsWith(" line 4"), p.toString());
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        ConfigProblem p = refused("deep.yaml", "site: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
        assertTrue(p.toString().contains("nesting depth") && p.where().endsWith(" line 1"), p.toString());
    }

    @Test
    void deepBlockNestingIsRefused() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            b.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        refused("deep-block.yaml", b.toString());
    }

    @Test
    void anAliasBombIsRefused() throws Exception {
        StringBuilder b = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            String previous = "*a" + (i - 1);
            b.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(IntStream.range(0, 10).mapToObj(j -> previous).collect(Collectors.joining(",")))
                    .append("]\n");
        }
        refused("laughs.yaml", b.toString(), "aliases");
    }

    @Test
    void aLongBadValueIsShownByItsStartAndLength() throws Exception {
        Path file = dir.resolve("bad-id.yaml");
        Files.writeString(file, "site:\n  id: \"" + "X".repeat(5000) + "\"\n");
        InvalidConfigException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidConfigException.class,
                () -> new ConfigLoader().load(file, Map.of()));
        String p = e.problems().get(0).toString();
        assertTrue(p.length() < 400 && p.contains("X… (5002 characters)") && p.contains("site.id"), p);
    }
}
