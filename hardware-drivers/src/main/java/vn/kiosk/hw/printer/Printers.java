package vn.kiosk.hw.printer;

import java.nio.file.Path;
import java.util.Set;
import vn.kiosk.hw.DeviceUrl;

/**
 * Opens the printer a URL names: serial:, usb:, tcp://, file:, sim: ({@code sim:?printMillis=2000}:
 * each ticket takes 2 s, like a slow printer).
 */
public final class Printers {

    public static final Set<String> SCHEMES = Set.of("serial", "usb", "tcp", "file", "sim");

    private static final long WRITE_TIMEOUT_MS = 5_000;
    private static final long STATUS_TIMEOUT_MS = 500;

    private Printers() { }

    /**
     * @param simOutputDir where the simulated printer writes its PNGs (sim: only)
     * @param fontFile     font for rendering simulated paper; null = system default
     */
    public static EscPosPrinter open(DeviceUrl url, PrinterProfile profile, Path simOutputDir, Path fontFile) {
        PrinterTransport t = switch (url.scheme()) {
            case "serial" -> new SerialTransport(url.target(), intParam(url, "baud", 9600),
                    url.param("flow", "none"), WRITE_TIMEOUT_MS);
            case "usb" -> new DeviceFileTransport(url.target(), WRITE_TIMEOUT_MS);
            case "tcp" -> {
                String hostPort = url.target().replaceFirst("^//", "");
                int colon = hostPort.lastIndexOf(':');
                String host = colon > 0 ? hostPort.substring(0, colon) : hostPort;
                int port = colon > 0 ? Integer.parseInt(hostPort.substring(colon + 1)) : 9100;
                yield new TcpTransport(host, port, 3_000, WRITE_TIMEOUT_MS);
            }
            case "file" -> new FileTransport(Path.of(url.target()));
            case "sim" -> {
                SimulatedTransport sim = new SimulatedTransport(new VirtualPrinter(profile.paperWidthDots(),
                        profile.codePage(), simOutputDir, fontFile));
                sim.setPrintMillis(intParam(url, "printMillis", 0));
                yield sim;
            }
            default -> throw new IllegalArgumentException("no printer transport for scheme '" + url.scheme() + "'");
        };
        return new EscPosPrinter(t, STATUS_TIMEOUT_MS);
    }

    /** Checks a printer URL's form without opening it; the message says what is wrong. */
    public static void validate(DeviceUrl url) {
        switch (url.scheme()) {
            case "serial" -> {
                requireTarget(url, "a device path, e.g. serial:/dev/ttyUSB0?baud=115200");
                int baud = intParam(url, "baud", 9600);
                if (!Set.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400).contains(baud)) {
                    throw new IllegalArgumentException("baud " + baud + " is not a serial speed printers use (9600 ... 115200)");
                }
                if (!Set.of("none", "rtscts", "xonxoff").contains(url.param("flow", "none"))) {
                    throw new IllegalArgumentException("flow must be none, rtscts or xonxoff");
                }
            }
            case "usb" -> requireTarget(url, "the printer device, e.g. usb:/dev/usb/lp0");
            case "tcp" -> {
                if (!url.target().matches("//[^/:]+(:\\d{1,5})?/?")) {
                    throw new IllegalArgumentException("expected tcp://host:port, e.g. tcp://192.168.1.50:9100");
                }
            }
            case "file" -> requireTarget(url, "a file path, e.g. file:/tmp/printer.bin");
            case "sim" -> {
                for (String key : url.params().keySet()) {
                    if (!key.equals("printMillis")) {
                        throw new IllegalArgumentException("unknown parameter '" + key + "' (expected printMillis)");
                    }
                }
                int millis = intParam(url, "printMillis", 0);
                if (millis < 0 || millis > 60_000) {
                    throw new IllegalArgumentException("printMillis must be 0 to 60000 (how long a simulated ticket takes)");
                }
            }
            default -> throw new IllegalArgumentException("unknown printer scheme '" + url.scheme() + "'");
        }
    }

    private static void requireTarget(DeviceUrl url, String expected) {
        if (url.target().isBlank()) {
            throw new IllegalArgumentException("expected " + expected);
        }
    }

    private static int intParam(DeviceUrl url, String key, int fallback) {
        String v = url.param(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + v + " is not a number");
        }
    }
}
