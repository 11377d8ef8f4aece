package vn.kiosk.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.testing.Poll;

/**
 * A commit synced later (a print outcome) skips its own fsync, but never stays unsynced: the next
 * durable commit covers it, else a checkpoint within a fraction of a second; and the durable mode
 * is back for everything else.
 */
class SyncedLaterTest {

    @TempDir
    Path dir;

    @Test
    void aCommitSyncedLaterIsSyncedSoonAndTheConnectionIsDurableAgain() throws Exception {
        try (Database db = Database.open(dir.resolve("kiosk.db"))) {
            db.inTransaction(c -> c.createStatement().execute("CREATE TABLE t (v INTEGER)"));
            db.inTransactionSyncedLater(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (1)"));
            assertEquals(2, synchronous(db), "synchronous=FULL (2) again after the relaxed commit");
            assertEquals(1, db.unsyncedCommits());
            Poll.until(Duration.ofSeconds(2), "the checkpoint to sync it", () -> db.unsyncedCommits() == 0);

            db.inTransactionSyncedLater(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (2)"));
            db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO t VALUES (3)"));
            assertEquals(0, db.unsyncedCommits(), "a durable commit's fsync of the log covers the earlier one");

            assertThrows(StorageException.class, () -> db.inTransactionSyncedLater(c -> {
                c.createStatement().executeUpdate("INSERT INTO t VALUES (4)");
                return c.createStatement().executeUpdate("INSERT INTO missing VALUES (5)");
            }));
            assertEquals(2, synchronous(db), "durable again after a failed relaxed transaction");
            assertEquals(3L, (long) db.read(c -> {
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM t");
                rs.next();
                return rs.getLong(1);
            }), "the failed transaction kept nothing");
        }
    }

    private static int synchronous(Database db) {
        return db.read(c -> {
            var rs = c.createStatement().executeQuery("PRAGMA synchronous");
            rs.next();
            return rs.getInt(1);
        });
    }
}
