package vn.kiosk.hw.scanner;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.hw.DeviceStatus;

/**
 * A USB-CDC (virtual serial) QR scanner: {@code serial:/dev/ttyACM0?baud=9600&terminator=any}.
 * Reopens the port by itself after the scanner is unplugged and plugged back.
 */
public final class SerialScanner extends ReadingScanner {

    private static final Logger log = LoggerFactory.getLogger(SerialScanner.class);

    private final String path;
    private final int baud;
    private final LineAssembler.Terminator terminator;
    private final int maxLength;
    private volatile SerialPort port;

    public SerialScanner(String path, int baud, LineAssembler.Terminator terminator, int maxLength, ScanFilter filter) {
        super("scanner-serial", filter);
        this.path = path;
        this.baud = baud;
        this.terminator = terminator;
        this.maxLength = maxLength;
    }

    @Override
    protected void read(ScanListener onCode) {
        byte[] one = new byte[1];
        while (running) {
            SerialPort p = open();
            if (p == null) {
                pauseBeforeRetry();
                continue;
            }
            LineAssembler lines = new LineAssembler(terminator, maxLength * 4, onCode);
            // Byte by byte: jSerialComm's blocking read(byte[]) can return at once with nothing on a
            // pty; a scanner at 9600 baud sends under a kilobyte a second anyway.
            try (InputStream in = p.getInputStream()) {
                int b;
                while (running && (b = in.read()) >= 0) {
                    one[0] = (byte) b;
                    lines.accept(one, 1);
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    log.warn("scanner {} lost: {}", path, e.getMessage());
                }
            } finally {
                p.closePort();
                port = null;
                status = DeviceStatus.fault("OFFLINE", "scanner " + path + " disconnected");
            }
        }
    }

    private SerialPort open() {
        try {
            SerialPort p = SerialPort.getCommPort(path);
            p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
            p.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING, 0, 0);
            if (p.openPort()) {
                port = p;
                status = DeviceStatus.ready("serial scanner " + path);
                return p;
            }
            status = DeviceStatus.fault("OFFLINE", "cannot open " + path + " (error " + p.getLastErrorCode()
                    + "; plugged in? kiosk user in group dialout?)");
        } catch (RuntimeException e) {
            status = DeviceStatus.fault("OFFLINE", path + " does not exist (unplugged?)");
        }
        return null;
    }

    @Override
    protected void release() {
        SerialPort p = port;
        if (p != null) {
            p.closePort();
        }
    }
}
