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
            case "camera" -> {
                CameraScanner.Format format = cameraFormat(url);
                int[] size = format == CameraScanner.Format.MJPEG ? new int[2] : frameSize(url);
                yield new CameraScanner(url.target(), format, size[0], size[1], filter);
            }
            case "sim" -> new SimulatedScanner(filter);
            default -> throw new IllegalArgumentException("no scanner driver for scheme '" + url.scheme() + "'");
        };
    }

    private static CameraScanner.Format cameraFormat(DeviceUrl url) {
        String f = url.param("format", "mjpeg");
        return switch (f) {
            case "mjpeg" -> CameraScanner.Format.MJPEG;
            case "yuv420" -> CameraScanner.Format.YUV420;
            case "grey", "gray" -> CameraScanner.Format.GREY;
            default -> throw new IllegalArgumentException("format must be mjpeg, yuv420 or grey, not '" + f + "'");
        };
    }

    /** size=WIDTHxHEIGHT of raw frames: without it a raw stream cannot be cut into frames. */
    private static int[] frameSize(DeviceUrl url) {
        String s = url.param("size", "");
        if (s.isEmpty()) {
            throw new IllegalArgumentException("a raw camera format needs the frame size, e.g. ?format=yuv420&size=640x480");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{2,4})x(\\d{2,4})").matcher(s);
        if (!m.matches() || Integer.parseInt(m.group(1)) % 2 != 0 || Integer.parseInt(m.group(2)) % 2 != 0) {
            throw new IllegalArgumentException("size must be WIDTHxHEIGHT in pixels, even numbers from 10 to 9998, e.g. 640x480, "
                    + "not '" + s + "'");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
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
                if (cameraFormat(url) != CameraScanner.Format.MJPEG) {
                    frameSize(url);
                }
            }
            case "sim" -> { }
            default -> throw new IllegalArgumentException("unknown scanner scheme '" + url.scheme() + "'");
        }
    }
}
