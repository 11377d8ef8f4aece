package vn.kiosk.storage;

import java.sql.SQLException;
import java.time.Instant;
import org.sqlite.SQLiteException;

/**
 * Why the disk refused the database's last write. None of these is cured by restarting the
 * kiosk; disk full goes away by itself once space is freed (the next write works again).
 */
public record StorageFault(Kind kind, String detail, Instant since) {

    public enum Kind {
        DISK_FULL("disk full", "disk_full"),
        READ_ONLY("read-only", "read_only"),
        IO_ERROR("I/O error", "io_error");

        private final String label;
        private final String code;

        Kind(String label, String code) {
            this.label = label;
            this.code = code;
        }

        /** Words for people: "disk full", "read-only", "I/O error". */
        public String label() {
            return label;
        }

        /** The machine name health reports ({@code database.cause}). */
        public String code() {
            return code;
        }
    }

    /** "disk full: no space left in /data (SQLITE_FULL ...)": what the log and health say. */
    public String describe() {
        return kind.label + ": " + detail;
    }

    /**
     * The storage fault behind a failed transaction, or null when the disk is not to blame (a
     * constraint, a busy lock, a bug). SQLite reports a disk full as SQLITE_FULL but a filesystem
     * that turned read-only under an open file as a plain SQLITE_IOERR: the disk probe tells which.
     */
    static StorageFault of(SQLException e, DiskProbe disk, Instant now) {
        SQLiteException sqlite = find(e);
        if (sqlite == null) {
            return null;
        }
        String code = sqlite.getResultCode().name();
        int primary = sqlite.getErrorCode() & 0xff; // the primary code of an extended one
        Kind kind;
        if (primary == 13) {                        // SQLITE_FULL
            kind = Kind.DISK_FULL;
        } else if (primary == 8) {                  // SQLITE_READONLY
            kind = Kind.READ_ONLY;
        } else if (primary == 10 || primary == 14) { // SQLITE_IOERR, SQLITE_CANTOPEN
            Kind found = disk.problem();
            kind = found == null ? Kind.IO_ERROR : found;
        } else {
            return null;
        }
        String what = switch (kind) {
            case DISK_FULL -> "no space left in " + disk.directory();
            case READ_ONLY -> disk.directory() + " cannot be written (read-only filesystem)";
            case IO_ERROR -> "the disk under " + disk.directory() + " fails to write";
        };
        return new StorageFault(kind, what + " (" + code + ")", now);
    }

    private static SQLiteException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLiteException s) {
                return s;
            }
        }
        return null;
    }
}
