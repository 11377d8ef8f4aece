package vn.kiosk.hw.scanner;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import vn.kiosk.hw.DeviceUrl;

/** Opens the scanner a URL names: serial:, evdev:, camera:, sim:. */
public final class Scanners {

    public static final Set<String> SCHEMES = Set.of("serial", "evdev", "camera", "sim");

    private Scanners() { }

    /**
     * @param dedupe   the same code within this window counts once
     * @param maxChars longer input is rejected
     */
    public static QrScanner open(DeviceUrl url, Duration dedupe, int maxChars, Clock clock) {
        ScanFilter filter = new ScanFilter(dedupe, maxChars, clock);
        return switch (url.scheme()) {
            case "serial" -> new SerialScanner(url.target(), Integer.parseInt(url.param("baud", "9600")),
                    LineAssembler.Terminator.valueOf(url.param("terminator", "any").toUpperCase(Locale.ROOT)), maxChars, filter);
            case "evdev" -> new EvdevScanner(Path.of(url.target()), recordSize(url), maxChars, filter);
            case "camera" -> new CameraScanner(url.target(), filter);
            case "sim" -> new SimulatedScanner(filter);
            default -> throw new IllegalArgumentException("no scanner driver for scheme '" + url.scheme() + "'");
        };
    }

    private static int recordSize(DeviceUrl url) {
        String bits = url.param("bits", "");
        return bits.equals("32") ? EvdevDecoder.RECORD_32 : bits.equals("64") ? EvdevDecoder.RECORD_64
                : EvdevDecoder.nativeRecordSize();
    }

    /** Checks a scanner URL's form without opening it; the message says what is wrong. */
    public static void validate(DeviceUrl url) {
        switch (url.scheme()) {
            case "serial" -> {
                if (url.target().isBlank()) {
                    throw new IllegalArgumentException("expected a device path, e.g. serial:/dev/ttyACM0?baud=9600");
                }
                try {
                    Integer.parseInt(url.param("baud", "9600"));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("baud must be a number");
                }
                if (!Set.of("any", "cr", "lf").contains(url.param("terminator", "any"))) {
                    throw new IllegalArgumentException("terminator must be any (CR or LF), cr or lf");
                }
            }
            case "evdev" -> {
                if (url.target().isBlank()) {
                    throw new IllegalArgumentException("expected an input device, e.g. evdev:/dev/input/by-id/usb-XYZ-event-kbd");
                }
                if (!Set.of("", "32", "64").contains(url.param("bits", ""))) {
                    throw new IllegalArgumentException("bits must be 32 or 64 (the userspace of the kiosk's OS)");
                }
            }
            case "camera" -> {
                if (url.target().isBlank()) {
                    throw new IllegalArgumentException("expected a command writing MJPEG to stdout, e.g. "
                            + "camera:rpicam-vid -t 0 --codec mjpeg --width 640 --height 480 -n -o -");
                }
            }
            case "sim" -> { }
            default -> throw new IllegalArgumentException("unknown scanner scheme '" + url.scheme() + "'");
        }
    }
}
