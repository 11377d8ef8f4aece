package vn.kiosk.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.json.Json;
import vn.kiosk.storage.Database;

/** The outbox's bounds and bookkeeping, on a real SQLite file. */
class OutboxTest {

    /** Event data is a record, one per event type; these stand in for the real ones. */
    private record Numbered(int n) { }

    private record Padded(String pad) { }

    private record Nothing() { }

    @TempDir
    Path dir;

    @Test
    void aFullBacklogDropsTheOldestUnsentAndSaysWhichSeqsAreGone() throws Exception {
        try (Database db = Database.open(dir.resolve("k.db"))) {
            Outbox outbox = new Outbox(Json.newMapper());
            Instant now = Instant.parse("2026-11-26T03:00:00Z");
            db.inTransaction(c -> {
                for (int i = 0; i < 150; i++) {
                    outbox.append(c, "ticket.issued", now, new Numbered(i));
                }
                return null;
            });
            long dropped = (long) db.inTransaction(c -> outbox.enforceBounds(c, 100, 10_000_000, now));
            assertEquals(60, dropped, "down to 90 % of the bound, so it does not run on every event");
            List<Outbox.Event> left = db.read(c -> Outbox.unsent(c, 1000));
            assertEquals(91, left.size(), "90 kept + the overflow event");
            assertEquals(61, left.get(0).seq(), "the oldest went first");
            Outbox.Event overflow = left.get(left.size() - 1);
            assertEquals("outbox.overflow", overflow.type());
            assertTrue(overflow.data().contains("\"fromSeq\":1") && overflow.data().contains("\"toSeq\":60")
                    && overflow.data().contains("\"dropped\":60"), overflow.data());
            assertEquals(0L, (long) db.inTransaction(c -> outbox.enforceBounds(c, 100, 10_000_000, now)));
        }
    }

    @Test
    void theByteBoundHoldsToo() throws Exception {
        try (Database db = Database.open(dir.resolve("k.db"))) {
            Outbox outbox = new Outbox(Json.newMapper());
            Instant now = Instant.now();
            String big = "x".repeat(1000);
            db.inTransaction(c -> {
                for (int i = 0; i < 200; i++) {
                    outbox.append(c, "ticket.issued", now, new Padded(big));
                }
                return null;
            });
            db.inTransaction(c -> outbox.enforceBounds(c, 1_000_000, 100_000, now));
            assertTrue(db.read(Outbox::backlog).bytes() <= 100_000, "bytes within the bound");
        }
    }

    @Test
    void markingSentAndPruning() throws Exception {
        try (Database db = Database.open(dir.resolve("k.db"))) {
            Outbox outbox = new Outbox(Json.newMapper());
            Instant t = Instant.parse("2026-11-26T03:00:00Z");
            db.inTransaction(c -> {
                for (int i = 0; i < 10; i++) {
                    outbox.append(c, "e", t, new Nothing());
                }
                Outbox.markSentThrough(c, 6, t);
                return null;
            });
            assertEquals(4, db.read(Outbox::backlog).events());
            assertEquals(7, db.read(c -> Outbox.unsent(c, 10)).get(0).seq());
            assertEquals(6, (int) db.inTransaction(c -> Outbox.pruneSent(c, t.plusSeconds(1))));
            assertEquals(0, (int) db.inTransaction(c -> Outbox.pruneSent(c, t.plusSeconds(1))));
        }
    }
}
