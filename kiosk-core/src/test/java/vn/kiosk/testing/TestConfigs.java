package vn.kiosk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import vn.kiosk.config.ConfigLoader;
import vn.kiosk.config.InvalidConfigException;
import vn.kiosk.config.KioskConfig;

/** Builds configurations for tests: the built-in defaults plus a YAML snippet. */
public final class TestConfigs {

    /**
     * A small centre for queue tests: counters 1 and 2, civil-status (A, counter 1) and land (E,
     * numbers 1 to 9, counter 2); a test adds its own top-level keys before it.
     */
    public static final String TWO_SERVICES = """
            counters:
              - { id: "1", name: { vi: "Quầy 1", en: "Counter 1" }, location: { vi: "Trệt", en: "Ground" } }
              - { id: "2", name: { vi: "Quầy 2", en: "Counter 2" }, location: { vi: "Trệt", en: "Ground" } }
            services:
              - id: civil-status
                prefix: A
                name: { vi: "Hộ tịch", en: "Civil status" }
                numbers: { first: 1, last: 999 }
                documents: []
                counters: ["1"]
              - id: land
                prefix: E
                name: { vi: "Đất đai", en: "Land" }
                numbers: { first: 1, last: 9 }
                documents: []
                counters: ["2"]
            """;

    private TestConfigs() { }

    public static KioskConfig load(Path dir, String yaml, Map<String, String> env) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("kiosk-test.yaml");
            Files.writeString(file, alwaysOpen(yaml));
            Map<String, String> e = new HashMap<>(env);
            e.putIfAbsent("KIOSK_DATA_DIR", dir.resolve("data").toString());
            return new ConfigLoader().load(file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidConfigException e) {
            throw new AssertionError("test configuration is invalid:\n" + e.getMessage(), e);
        }
    }

    /** Tests run at any hour: unless a test sets opening hours itself, the centre is always open. */
    public static String alwaysOpen(String yaml) {
        if (yaml.contains("openingHours")) {
            return yaml;
        }
        String open = "openingHours: { days: [1, 2, 3, 4, 5, 6, 7], open: \"00:00\", close: \"24:00\" }\n";
        return yaml.strip().equals("{}") ? open : yaml + (yaml.endsWith("\n") ? "" : "\n") + open;
    }

    public static KioskConfig load(Path dir, String yaml) {
        return load(dir, yaml, Map.of());
    }
}
