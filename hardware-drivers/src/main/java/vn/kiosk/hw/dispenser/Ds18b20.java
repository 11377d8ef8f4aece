package vn.kiosk.hw.dispenser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DS18B20 on the 1-wire bus (dtoverlay=w1-gpio), read through the kernel's w1_slave file:
 * <pre>
 * 72 01 4b 46 7f ff 0e 10 57 : crc=57 YES
 * 72 01 4b 46 7f ff 0e 10 57 t=23125
 * </pre>
 * A read takes ~750 ms, so it happens on its own thread every interval and callers get the latest.
 */
public final class Ds18b20 implements Thermometer {

    private static final Pattern TEMP = Pattern.compile("t=(-?\\d+)");

    private final String file;
    private final Clock clock;
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ds18b20");
        t.setDaemon(true);
        return t;
    });
    private volatile Reading latest = new Reading(null, null, "not read yet");

    public Ds18b20(String file, Duration interval, Clock clock) {
        this.file = file;
        this.clock = clock;
        reader.scheduleWithFixedDelay(this::read, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The temperature in the file's text, in °C; the message says what is wrong otherwise. */
    public static double parse(String w1Slave) throws IOException {
        String[] lines = w1Slave.strip().split("\\R");
        if (lines.length < 2) {
            throw new IOException("expected two lines (CRC line and t= line), got " + lines.length);
        }
        if (!lines[0].strip().endsWith("YES")) {
            throw new IOException("CRC check failed (first line does not end in YES)");
        }
        Matcher m = TEMP.matcher(lines[1]);
        if (!m.find()) {
            throw new IOException("no t=<millidegrees> on the second line");
        }
        return Integer.parseInt(m.group(1)) / 1000.0;
    }

    void read() {
        try {
            Path path = resolve(file);
            double c = parse(Files.readString(path, StandardCharsets.US_ASCII));
            latest = new Reading(c, clock.instant(), null);
        } catch (IOException | RuntimeException e) {
            latest = new Reading(null, clock.instant(), file + ": " + e.getMessage());
        }
    }

    /** The file itself, or the first match of a glob in its last directory (28-* is the sensor's serial). */
    static Path resolve(String file) throws IOException {
        Path p = Path.of(file);
        String name = p.getFileName().toString();
        Path dir = p.getParent();
        if (dir != null && dir.getFileName() != null && dir.getFileName().toString().contains("*")) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.getParent(), dir.getFileName().toString())) {
                for (Path d : ds) {
                    Path candidate = d.resolve(name);
                    if (Files.exists(candidate)) {
                        return candidate;
                    }
                }
            }
            throw new IOException("no sensor matches (is dtoverlay=w1-gpio set and the probe wired?)");
        }
        return p;
    }

    @Override
    public Reading latest() {
        return latest;
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
