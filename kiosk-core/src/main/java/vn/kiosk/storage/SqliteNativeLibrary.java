package vn.kiosk.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Puts SQLite's native library in the data directory once and points sqlite-jdbc at it. Left to
 * itself, sqlite-jdbc copies the library to /tmp on every start and then compares the copy with
 * the original byte by byte, one read() call per byte: 0.15-0.3 s of a kiosk's start-up on a
 * cold JVM. Here it is written once per checksum (read from the jar's directory) and reused.
 * Which library fits this machine is asked of sqlite-jdbc once and remembered
 * ({@value #CHOICE}): its answer runs {@code uname -o} in a child process, about 35 ms of every
 * start here (a process costs a Pi more).
 */
public final class SqliteNativeLibrary {

    /** The remembered choice: what it depends on (the sqlite-jdbc jar, the JVM's OS and architecture), then the file. */
    static final String CHOICE = "library-choice";
    private static final Pattern LIBRARY_FILE = Pattern.compile("sqlitejdbc-[0-9a-f]+-[\\w.]+");

    private SqliteNativeLibrary() { }

    /** Best effort: on any problem sqlite-jdbc falls back to its own way. */
    public static void prepare(Path dir) {
        prepare(dir, LibraryLoaderUtil::getNativeLibResourcePath);
    }

    /** @param resourceFolder sqlite-jdbc's answer to which of its libraries fits this machine (asked only when not remembered) */
    static void prepare(Path dir, Supplier<String> resourceFolder) {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return; // set by the operator
        }
        String key = jarKey();
        String remembered = key == null ? null : remembered(dir, key);
        if (remembered != null) {
            use(dir, remembered);
            return;
        }
        String folder = resourceFolder.get();
        String resource = (folder.startsWith("/") ? "" : "/") + folder + "/" + LibraryLoaderUtil.getNativeLibName();
        URL url = org.sqlite.JDBC.class.getResource(resource);
        if (url == null) {
            return;
        }
        try {
            // The jar's directory has the entry's checksum and size: the library is only read when
            // it has to be written (a new sqlite-jdbc), not on every start.
            long crc;
            long size;
            byte[] library = null;
            if (url.openConnection() instanceof JarURLConnection jar && jar.getJarEntry().getCrc() != -1) {
                jar.setUseCaches(false);
                crc = jar.getJarEntry().getCrc();
                size = jar.getJarEntry().getSize();
            } else {
                library = read(url);
                CRC32 c = new CRC32();
                c.update(library);
                crc = c.getValue();
                size = library.length;
            }
            String name = "sqlitejdbc-" + Long.toHexString(crc) + "-" + LibraryLoaderUtil.getNativeLibName();
            Path target = dir.resolve(name);
            if (!Files.isRegularFile(target) || Files.size(target) != size) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "sqlitejdbc", ".tmp");
                Files.write(tmp, library != null ? library : read(url));
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                try (var old = Files.newDirectoryStream(dir, "sqlitejdbc-*")) {
                    for (Path p : old) {
                        if (!p.equals(target)) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
            use(dir, name);
            if (key != null) {
                remember(dir, key, name);
            }
        } catch (IOException | RuntimeException e) {
            // sqlite-jdbc extracts it to java.io.tmpdir as usual
        }
    }

    private static void use(Path dir, String name) {
        System.setProperty("org.sqlite.lib.path", dir.toAbsolutePath().toString());
        System.setProperty("org.sqlite.lib.name", name);
    }

    /** The sqlite-jdbc jar (path, size, time) and the JVM's OS and architecture; null when not from a jar file. */
    private static String jarKey() {
        try {
            var source = org.sqlite.JDBC.class.getProtectionDomain().getCodeSource();
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            if (jar == null || !Files.isRegularFile(jar)) {
                return null;
            }
            return jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch");
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The library file remembered for this key, if it is still there. */
    private static String remembered(Path dir, String key) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(CHOICE));
            if (lines.size() == 2 && lines.get(0).equals(key) && LIBRARY_FILE.matcher(lines.get(1)).matches()) {
                Path library = dir.resolve(lines.get(1));
                return Files.isRegularFile(library) && Files.size(library) > 0 ? lines.get(1) : null;
            }
        } catch (IOException | RuntimeException e) {
            // none yet, or unreadable: ask sqlite-jdbc
        }
        return null;
    }

    private static void remember(Path dir, String key, String name) {
        try {
            Path tmp = Files.createTempFile(dir, CHOICE, ".tmp");
            Files.writeString(tmp, key + "\n" + name + "\n");
            Files.move(tmp, dir.resolve(CHOICE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // asked again at the next start
        }
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }
}
