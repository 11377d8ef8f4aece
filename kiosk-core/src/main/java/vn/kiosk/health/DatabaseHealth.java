package vn.kiosk.health;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.kiosk.storage.Database;
import vn.kiosk.storage.DiskProbe;
import vn.kiosk.storage.StorageFault;

/**
 * The database entry of the health report. A trivial read passes on a full or read-only disk, so
 * what counts is whether the last write worked: DOWN with the cause (disk full, read-only, I/O
 * error) while writes fail, since no ticket can be issued; DEGRADED while writes work but little
 * space is left; UP otherwise. Cheap enough for every report: two system calls, plus at most one
 * small test write a second while a write fault is remembered (so health recovers by itself).
 */
final class DatabaseHealth {

    private final Database db;

    DatabaseHealth(Database db) {
        this.db = db;
    }

    /** {@code state} (UP, DEGRADED, DOWN), and when not UP a {@code cause} and a {@code detail}; {@code freeMegabytes}. */
    Map<String, Object> report() {
        Map<String, Object> entry = new LinkedHashMap<>();
        DiskProbe disk = db.disk();
        long free = disk.usableBytes();
        StorageFault fault;
        if (!db.isHealthy()) {
            set(entry, "DOWN", "unreachable", "the database does not answer");
        } else if ((fault = db.recheckWrites()) != null) {
            set(entry, "DOWN", fault.kind().code(), fault.describe() + " since " + fault.since()
                    + "; tickets cannot be issued until this is fixed (the kiosk retries by itself)");
        } else if (!disk.writable()) {
            set(entry, "DOWN", StorageFault.Kind.READ_ONLY.code(), "read-only: " + disk.directory() + " cannot be written");
        } else if (free >= 0 && free < SelfTest.MIN_FREE_BYTES) {
            set(entry, "DEGRADED", "low_disk", "only " + megabytes(free) + " MB free in " + disk.directory()
                    + " (below " + megabytes(SelfTest.MIN_FREE_BYTES) + " MB; at 0 no ticket can be issued)");
        } else {
            entry.put("state", "UP");
        }
        if (free >= 0) {
            entry.put("freeMegabytes", megabytes(free));
        }
        return entry;
    }

    private static void set(Map<String, Object> entry, String state, String cause, String detail) {
        entry.put("state", state);
        entry.put("cause", cause);
        entry.put("detail", detail);
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
