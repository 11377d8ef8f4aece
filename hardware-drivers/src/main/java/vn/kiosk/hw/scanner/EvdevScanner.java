package vn.kiosk.hw.scanner;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.hw.DeviceStatus;

/**
 * A scanner that acts as a USB keyboard: {@code evdev:/dev/input/by-id/usb-…-event-kbd}. Reads its
 * input events directly (the kiosk user needs group {@code input}). Java 21 cannot issue the
 * EVIOCGRAB ioctl without native code, so keep the scanner's keystrokes away from the desktop with
 * the udev rule in the README (LIBINPUT_IGNORE_DEVICE); the kiosk reads the device regardless.
 */
public final class EvdevScanner implements QrScanner {

    private static final Logger log = LoggerFactory.getLogger(EvdevScanner.class);

    private final Path device;
    private final int recordSize;
    private final int maxLength;
    private final ScanFilter filter;
    private volatile boolean running;
    private volatile InputStream in;
    private volatile DeviceStatus status = DeviceStatus.fault("OFFLINE", "not opened yet");
    private Thread reader;

    public EvdevScanner(Path device, int recordSize, int maxLength, ScanFilter filter) {
        this.device = device;
        this.recordSize = recordSize;
        this.maxLength = maxLength;
        this.filter = filter;
    }

    @Override
    public void start(Consumer<String> onCode) {
        running = true;
        Consumer<String> accepted = filter.wrap(onCode);
        reader = new Thread(() -> loop(accepted), "scanner-evdev");
        reader.setDaemon(true);
        reader.start();
    }

    private void loop(Consumer<String> onCode) {
        byte[] buf = new byte[recordSize * 64];
        while (running) {
            if (!Files.isReadable(device)) {
                status = DeviceStatus.fault("OFFLINE", device + " not readable (unplugged? kiosk user in group input?)");
                sleepQuietly();
                continue;
            }
            EvdevDecoder decoder = new EvdevDecoder(recordSize, maxLength, onCode);
            try (InputStream stream = new FileInputStream(device.toFile())) {
                in = stream;
                status = DeviceStatus.ready("keyboard scanner " + device);
                int n;
                while (running && (n = stream.read(buf)) >= 0) {
                    decoder.accept(buf, n);
                }
            } catch (IOException e) {
                if (running) {
                    log.warn("scanner {} lost: {}", device, e.getMessage());
                }
            }
            status = DeviceStatus.fault("OFFLINE", "scanner " + device + " disconnected");
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1_000); // retry interval while the scanner is unplugged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public DeviceStatus status() {
        return status;
    }

    @Override
    public void close() {
        running = false;
        InputStream s = in;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        if (reader != null) {
            reader.interrupt();
        }
    }
}
