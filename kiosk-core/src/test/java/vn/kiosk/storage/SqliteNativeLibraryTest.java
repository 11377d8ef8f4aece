package vn.kiosk.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's native library goes to the data directory once and is reused on every later start. */
class SqliteNativeLibraryTest {

    @TempDir
    Path dir;

    @Test
    void writtenOnceThenReused() throws Exception {
        String path = System.clearProperty("org.sqlite.lib.path");
        String name = System.clearProperty("org.sqlite.lib.name");
        try {
            SqliteNativeLibrary.prepare(dir);
            Path lib = Path.of(System.getProperty("org.sqlite.lib.path"), System.getProperty("org.sqlite.lib.name"));
            assertEquals(dir.toAbsolutePath(), lib.getParent());
            assertTrue(Files.size(lib) > 100_000, "the whole library: " + Files.size(lib));
            FileTime written = FileTime.fromMillis(1_000_000_000L);
            Files.setLastModifiedTime(lib, written);

            System.clearProperty("org.sqlite.lib.path");
            SqliteNativeLibrary.prepare(dir);
            assertEquals(written, Files.getLastModifiedTime(lib), "not written again");
            try (var files = Files.list(dir)) {
                assertEquals(1, files.count(), "no temporary files left");
            }
        } finally {
            restore("org.sqlite.lib.path", path);
            restore("org.sqlite.lib.name", name);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
