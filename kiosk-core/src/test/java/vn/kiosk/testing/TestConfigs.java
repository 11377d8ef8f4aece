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
            Files.writeString(file, yaml);
            Map<String, String> e = new HashMap<>(env);
            e.putIfAbsent("KIOSK_DATA_DIR", dir.resolve("data").toString());
            return new ConfigLoader().load(file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidConfigException e) {
            throw new AssertionError("test configuration is invalid:\n" + e.getMessage(), e);
        }
    }

    public static KioskConfig load(Path dir, String yaml) {
        return load(dir, yaml, Map.of());
    }
}
