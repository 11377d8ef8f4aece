package vn.kiosk.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
                assertEquals(java.util.List.of(SqliteNativeLibrary.CHOICE, lib.getFileName().toString()),
                        files.map(f -> f.getFileName().toString()).sorted().toList(), "the library and the choice, no temporary files");
            }
        } finally {
            restore("org.sqlite.lib.path", path);
            restore("org.sqlite.lib.name", name);
        }
    }

    /**
     * Which library fits the machine is sqlite-jdbc's question to ask (it ran {@code uname -o} in a
     * child process at every start): asked once, remembered, asked again for another sqlite-jdbc
     * jar or when the remembered file is gone.
     */
    @Test
    void whichLibraryFitsIsAskedOnceNotAtEveryStart() throws Exception {
        String path = System.clearProperty("org.sqlite.lib.path");
        String name = System.clearProperty("org.sqlite.lib.name");
        AtomicInteger asked = new AtomicInteger();
        Supplier<String> probe = () -> {
            asked.incrementAndGet();
            return org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath();
        };
        try {
            SqliteNativeLibrary.prepare(dir, probe);
            String chosen = System.getProperty("org.sqlite.lib.name");
            assertEquals(1, asked.get());
            for (int start = 0; start < 3; start++) {
                System.clearProperty("org.sqlite.lib.path");
                SqliteNativeLibrary.prepare(dir, probe);
                assertEquals(1, asked.get(), "start " + start + " asked again");
                assertEquals(chosen, System.getProperty("org.sqlite.lib.name"));
                assertEquals(dir.toAbsolutePath().toString(), System.getProperty("org.sqlite.lib.path"));
            }

            Path choice = dir.resolve(SqliteNativeLibrary.CHOICE);
            java.util.List<String> lines = Files.readAllLines(choice);
            Files.write(choice, java.util.List.of(lines.get(0) + " (another sqlite-jdbc)", lines.get(1)));
            System.clearProperty("org.sqlite.lib.path");
            SqliteNativeLibrary.prepare(dir, probe);
            assertEquals(2, asked.get(), "another jar: asked again");

            Files.delete(dir.resolve(chosen));
            System.clearProperty("org.sqlite.lib.path");
            SqliteNativeLibrary.prepare(dir, probe);
            assertEquals(3, asked.get(), "the file gone: asked again");
            assertTrue(Files.size(dir.resolve(chosen)) > 100_000, "and written again");
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
