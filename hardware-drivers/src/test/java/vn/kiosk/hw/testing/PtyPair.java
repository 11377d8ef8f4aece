package vn.kiosk.hw.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real serial line for tests: two pseudo-terminals joined by socat, reachable as
 * {@code <dir>/host} (the kiosk's end) and {@code <dir>/device} (the fake device's end).
 * Stopping socat is unplugging the cable; starting it again plugs it back.
 */
public final class PtyPair implements AutoCloseable {

    private final Path host;
    private final Path device;
    private Process socat;

    public PtyPair(Path dir) {
        this.host = dir.resolve("host");
        this.device = dir.resolve("device");
    }

    public static boolean socatInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/socat")) || Files.isExecutable(Path.of("/bin/socat"));
    }

    public PtyPair start() {
        try {
            Files.deleteIfExists(host);
            Files.deleteIfExists(device);
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(Files.exists(host) && Files.exists(device))) {
                if (!socat.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("socat did not create the pty pair");
                }
                Thread.sleep(10);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills socat: both ends vanish, like a USB adapter pulled out. */
    public void unplug() {
        if (socat != null) {
            socat.destroyForcibly();
            try {
                socat.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            socat = null;
        }
    }

    public Path host() {
        return host;
    }

    public Path device() {
        return device;
    }

    @Override
    public void close() {
        unplug();
    }
}
