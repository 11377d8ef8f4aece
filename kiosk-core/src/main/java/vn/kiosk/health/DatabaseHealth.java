package vn.kiosk.health;

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
    HealthReport.Database report() {
        DiskProbe disk = db.disk();
        long free = disk.usableBytes();
        Long freeMegabytes = free >= 0 ? megabytes(free) : null;
        StorageFault fault;
        if (!db.isHealthy()) {
            return down("unreachable", "the database does not answer", freeMegabytes);
        } else if ((fault = db.recheckWrites()) != null) {
            return down(fault.kind().code(), fault.describe() + " since " + fault.since()
                    + "; tickets cannot be issued until this is fixed (the kiosk retries by itself)", freeMegabytes);
        } else if (!disk.writable()) {
            return down(StorageFault.Kind.READ_ONLY.code(), "read-only: " + disk.directory() + " cannot be written",
                    freeMegabytes);
        } else if (free >= 0 && free < SelfTest.MIN_FREE_BYTES) {
            return new HealthReport.Database(HealthStatus.DEGRADED, "low_disk", "only " + megabytes(free) + " MB free in "
                    + disk.directory() + " (below " + megabytes(SelfTest.MIN_FREE_BYTES)
                    + " MB; at 0 no ticket can be issued)", freeMegabytes);
        }
        return new HealthReport.Database(HealthStatus.UP, null, null, freeMegabytes);
    }

    private static HealthReport.Database down(String cause, String detail, Long freeMegabytes) {
        return new HealthReport.Database(HealthStatus.DOWN, cause, detail, freeMegabytes);
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
