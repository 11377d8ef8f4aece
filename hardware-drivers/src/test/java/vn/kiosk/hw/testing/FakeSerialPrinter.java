package vn.kiosk.hw.testing;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import vn.kiosk.hw.printer.VirtualPrinter;

/** A printer on the far end of a serial line: bytes go to a {@link VirtualPrinter}, its answers come back. */
public final class FakeSerialPrinter implements AutoCloseable {

    private final VirtualPrinter printer;
    private final InputStream in;
    private final OutputStream out;
    private final Thread reader;
    private final Thread replier;
    private volatile boolean running = true;

    public FakeSerialPrinter(Path devicePath, VirtualPrinter printer) throws IOException {
        this.printer = printer;
        this.out = new FileOutputStream(devicePath.toFile());
        this.in = new FileInputStream(devicePath.toFile());
        reader = new Thread(this::readLoop, "fake-printer-in");
        replier = new Thread(this::replyLoop, "fake-printer-out");
        reader.setDaemon(true);
        replier.setDaemon(true);
        reader.start();
        replier.start();
    }

    public VirtualPrinter printer() {
        return printer;
    }

    private void readLoop() {
        byte[] buf = new byte[4096];
        try {
            int n;
            while (running && (n = in.read(buf)) > 0) {
                printer.receive(Arrays.copyOf(buf, n));
            }
        } catch (IOException e) {
            // the line is gone
        }
    }

    private void replyLoop() {
        try {
            while (running) {
                int b = printer.readReply(100);
                if (b >= 0) {
                    out.write(b);
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the line is gone
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            in.close();
            out.close();
        } catch (IOException ignored) {
            // already closed by the other end
        }
        reader.interrupt();
        replier.interrupt();
    }
}
