package vn.kiosk.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small real filesystem mounted for one test, so a disk can really fill up or really turn
 * read-only (chmod does not stop root). Mounting needs root: without it the test is skipped
 * with the reason, never silently passed.
 */
public final class ScratchFilesystem implements AutoCloseable {

    private final Path mountPoint;

    private ScratchFilesystem(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** A tmpfs of {@code megabytes} (memory is used only for what is written). */
    public static ScratchFilesystem tmpfs(Path mountPoint, int megabytes) {
        mkdirs(mountPoint);
        String err = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString());
        Assumptions.assumeTrue(err == null, () -> "skipped: cannot mount a tmpfs (needs root): " + err);
        return new ScratchFilesystem(mountPoint);
    }

    /**
     * An ext4 filesystem in a sparse image file, mounted through a loop device with
     * errors=remount-ro, so {@link #failReadOnly()} can turn it read-only the way a failing
     * SD card does: even for files that are already open.
     */
    public static ScratchFilesystem ext4(Path image, Path mountPoint, int megabytes) {
        mkdirs(mountPoint);
        String err = run("truncate", "-s", megabytes + "m", image.toString());
        if (err == null) {
            err = run("mkfs.ext4", "-q", "-F", "-m", "0", image.toString());
        }
        if (err == null) {
            err = run("mount", "-o", "loop,errors=remount-ro", image.toString(), mountPoint.toString());
        }
        String why = err;
        Assumptions.assumeTrue(why == null, () -> "skipped: cannot make and mount an ext4 loop filesystem (needs root): " + why);
        return new ScratchFilesystem(mountPoint);
    }

    public Path path() {
        return mountPoint;
    }

    /** Writes a file until the filesystem has no space left; returns it (delete it to free the space). */
    public Path fill() {
        Path filler = mountPoint.resolve("filler");
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw new UncheckedIOException(full);
            }
        }
        byte[] one = new byte[1024];
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(one);
                out.flush();
            }
        } catch (IOException full) {
            return filler;
        }
    }

    /** Makes the ext4 filesystem fail into read-only mode (ext4's own error path: emergency read-only). */
    public void failReadOnly() {
        String source = output("findmnt", "-no", "SOURCE", mountPoint.toString()).strip();
        Path trigger = Path.of("/sys/fs/ext4", Path.of(source).getFileName().toString(), "trigger_fs_error");
        Assumptions.assumeTrue(Files.isWritable(trigger), () -> "skipped: this kernel has no " + trigger);
        try {
            Files.writeString(trigger, "1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        String err = run("umount", mountPoint.toString());
        if (err != null) {
            run("umount", "-l", mountPoint.toString());
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " timed out";
            }
            return p.exitValue() == 0 ? null : String.join(" ", command) + ": " + said.strip();
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String output(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            return said;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
