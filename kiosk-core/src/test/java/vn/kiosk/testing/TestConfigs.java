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
    static String alwaysOpen(String yaml) {
        if (yaml.contains("openingHours")) {
            return yaml;
        }
        String open = "openingHours: { days: [1, 2, 3, 4, 5, 6, 7], open: \"00:00\", close: \"23:59\" }\n";
        return yaml.strip().equals("{}") ? open : yaml + (yaml.endsWith("\n") ? "" : "\n") + open;
    }

    public static KioskConfig load(Path dir, String yaml) {
        return load(dir, yaml, Map.of());
    }
}
