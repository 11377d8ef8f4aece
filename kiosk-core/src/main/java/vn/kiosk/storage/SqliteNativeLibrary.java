package vn.kiosk.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Puts SQLite's native library in the data directory once and points sqlite-jdbc at it. Left to
 * itself, sqlite-jdbc copies the library to /tmp on every start and then compares the copy with
 * the original byte by byte, one read() call per byte: 0.15-0.3 s of a kiosk's start-up on a
 * cold JVM. Here the library is read in bulk and written only when its checksum is new.
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
        try (InputStream in = org.sqlite.JDBC.class.getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            byte[] library = in.readAllBytes();
            CRC32 crc = new CRC32();
            crc.update(library);
            String name = "sqlitejdbc-" + Long.toHexString(crc.getValue()) + "-" + LibraryLoaderUtil.getNativeLibName();
            Path target = dir.resolve(name);
            if (!Files.isRegularFile(target) || Files.size(target) != library.length) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "sqlitejdbc", ".tmp");
                Files.write(tmp, library);
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
}
