package vn.kiosk.hw.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What the simulated twin keeps of its output lines outside the process: a real GPIO line (a
 * valve's relay) stays where it was when the process died, until the next start drives it. A
 * small properties file ({@code cold-valve=active}), replaced atomically at each change, so a test
 * can see what a kill -9 left behind and what the next start did about it.
 */
final class LineLevels {

    private final Path file;

    LineLevels(Path file) {
        this.file = file;
    }

    synchronized boolean wasActive(String line) {
        return "active".equals(read().getProperty(line));
    }

    synchronized void record(String line, boolean active) {
        Properties p = read();
        p.setProperty(line, active ? "active" : "inactive");
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "simulated GPIO output levels");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the simulated line levels in " + file, e);
        }
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the simulated line levels in " + file, e);
            }
        }
        return p;
    }
}
