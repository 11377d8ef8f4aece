package vn.kiosk.hw.scanner;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.hw.DeviceStatus;

/**
 * A scanner that acts as a USB keyboard: {@code evdev:/dev/input/by-id/usb-…-event-kbd}. Reads its
 * input events directly (the kiosk user needs group {@code input}). Java 21 cannot issue the
 * EVIOCGRAB ioctl without native code, so keep the scanner's keystrokes away from the desktop with
 * the udev rule in the README (LIBINPUT_IGNORE_DEVICE); the kiosk reads the device regardless.
 */
public final class EvdevScanner extends ReadingScanner {

    private static final Logger log = LoggerFactory.getLogger(EvdevScanner.class);

    private final Path device;
    private final int recordSize;
    private final int maxLength;
    private volatile InputStream in;

    public EvdevScanner(Path device, int recordSize, int maxLength, ScanFilter filter) {
        super("scanner-evdev", filter);
        this.device = device;
        this.recordSize = recordSize;
        this.maxLength = maxLength;
    }

    @Override
    protected void read(ScanListener onCode) {
        byte[] buf = new byte[recordSize * 64];
        while (running) {
            if (!Files.isReadable(device)) {
                status = DeviceStatus.fault("OFFLINE", device + " not readable (unplugged? kiosk user in group input?)");
                pauseBeforeRetry();
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

    @Override
    protected void release() {
        InputStream s = in;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
