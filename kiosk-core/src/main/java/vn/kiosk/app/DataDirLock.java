package vn.kiosk.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes sure only one kiosk process uses a data directory: two writers numbering tickets from the
 * same database would be harmless to SQLite but confusing to everyone else. The OS releases the
 * lock when the process dies, even by kill -9, so a crash never leaves a stale lock.
 */
final class DataDirLock implements AutoCloseable {

    static final class AlreadyLockedException extends Exception {
        AlreadyLockedException(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) throws IOException, AlreadyLockedException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("kiosk.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            channel.close();
            throw new AlreadyLockedException("another kiosk process" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                    + " is already using the data directory " + dataDir.toAbsolutePath()
                    + "; stop it first (systemctl stop kiosk) or give this one another data directory (KIOSK_DATA_DIR)");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
        return new DataDirLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
