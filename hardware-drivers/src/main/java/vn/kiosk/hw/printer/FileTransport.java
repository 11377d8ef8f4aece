package vn.kiosk.hw.printer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends the bytes to a file ({@code file:/path}): for debugging and for printers shared by other
 * means (a spool file, a device node). No status. Not synced to disk: paper is not durable either,
 * and an fsync per ticket (O_SYNC) put a disk flush into every ticket's answer.
 */
final class FileTransport implements PrinterTransport {

    private final Path path;
    private boolean open;

    FileTransport(Path path) {
        this.path = path;
    }

    @Override
    public void open() throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void write(byte[] data) throws IOException {
        Files.write(path, data, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public int read(long timeoutMillis) {
        return -1;
    }

    @Override
    public void discardInput() {
        // nothing is ever read
    }

    @Override
    public boolean hasReplies() {
        return false;
    }

    @Override
    public String describe() {
        return "file " + path;
    }

    @Override
    public void close() {
        open = false;
    }
}
