package vn.kiosk.storage;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Cheap questions about the disk under the data directory: how much space is left, can it be
 * written. The free-space and permission checks are single system calls (safe on every health
 * report); {@link #problem()} writes a small file and is only used once a write has failed.
 */
public final class DiskProbe {

    private static final int PROBE_BYTES = 4096;

    private final Path directory;
    private volatile FileStore store;

    public DiskProbe(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    public Path directory() {
        return directory;
    }

    /** Bytes this process may still write, or -1 when the filesystem does not say. */
    public long usableBytes() {
        try {
            FileStore s = store;
            if (s == null) {
                s = Files.getFileStore(directory); // reads the mount table: once, not per report
                store = s;
            }
            return s.getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** False when the directory cannot be written (a read-only mount, missing permissions). */
    public boolean writable() {
        return Files.isWritable(directory);
    }

    /** What stops a write to the directory now, found by writing a small file; null when nothing does. */
    public StorageFault.Kind problem() {
        Path probe = directory.resolve(".write-probe");
        try {
            Files.write(probe, new byte[PROBE_BYTES], StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.deleteIfExists(probe);
            return null;
        } catch (IOException e) {
            deleteQuietly(probe);
            String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
            reason = String.valueOf(reason);
            return reason.contains("No space left") || reason.contains("quota") ? StorageFault.Kind.DISK_FULL
                    : reason.contains("Read-only") ? StorageFault.Kind.READ_ONLY : StorageFault.Kind.IO_ERROR;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a read-only or broken disk: nothing was left behind that we could remove anyway
        }
    }
}
