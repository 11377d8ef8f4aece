package vn.kiosk.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Puts SQLite's native library in the data directory once and points sqlite-jdbc at it. Left to
 * itself, sqlite-jdbc copies the library to /tmp on every start and then compares the copy with
 * the original byte by byte, one read() call per byte: 0.15-0.3 s of a kiosk's start-up on a
 * cold JVM. Here it is written once per checksum (read from the jar's directory) and reused.
 */
public final class SqliteNativeLibrary {

    private SqliteNativeLibrary() { }

    /** Best effort: on any problem sqlite-jdbc falls back to its own way. */
    public static void prepare(Path dir) {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return; // set by the operator
        }
        String folder = LibraryLoaderUtil.getNativeLibResourcePath();
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
            System.setProperty("org.sqlite.lib.path", dir.toAbsolutePath().toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            // sqlite-jdbc extracts it to java.io.tmpdir as usual
        }
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }
}
