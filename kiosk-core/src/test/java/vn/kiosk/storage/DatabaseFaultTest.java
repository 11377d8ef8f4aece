package vn.kiosk.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.ScratchFilesystem;

/** A real SQLite file on a real filesystem that fills up: the real error survives, and writes recover. */
class DatabaseFaultTest {

    @TempDir
    Path dir;

    private static void insert(Database db) {
        db.inTransaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO setting (key, value) VALUES (?, ?)")) {
                ps.setString(1, "filler-" + System.nanoTime());
                ps.setString(2, "x".repeat(64 * 1024));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Test
    void aFullDiskIsNamedNotHiddenAndWritesRecoverWhenSpaceReturns() throws Exception {
        try (ScratchFilesystem fs = ScratchFilesystem.tmpfs(dir.resolve("disk"), 8);
             Database db = Database.open(fs.path().resolve("kiosk.db"))) {
            insert(db);
            Path filler = fs.fill();

            StorageException e = assertThrows(StorageException.class, () -> insert(db));
            assertTrue(e.getMessage().contains("disk full") && e.getMessage().contains("SQLITE_FULL"), e.getMessage());
            assertTrue(!e.getMessage().contains("no transaction is active"), e.getMessage());
            assertNotNull(e.fault());
            assertEquals(StorageFault.Kind.DISK_FULL, db.writeFault().kind());
            assertTrue(db.isHealthy(), "a read still works on a full disk: that is why health needs the write fault");
            assertNotNull(db.recheckWrites(), "still full");

            Files.delete(filler);
            // Health's re-check clears the fault without waiting for the next ticket (at most once a second).
            Poll.until(Duration.ofSeconds(3), "the re-check to see writes work", () -> db.recheckWrites() == null);
            insert(db);
            assertNull(db.writeFault());
        }
    }
}
