package vn.kiosk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.kiosk.hw.testing.Poll;

/**
 * The real kiosk application in a child JVM, started from the test classpath, so tests can
 * kill -9 it, send it SIGTERM, or start a second one next to it.
 */
public final class KioskProcess implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final int port;

    private KioskProcess(Process process, Path stdout, Path stderr, int port) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.port = port;
    }

    /** Starts {@code kiosk <args>} from the test classpath with the given environment additions; does not wait. */
    public static KioskProcess start(Path workDir, int port, Map<String, String> env, String... args) {
        return start(workDir, port, env, List.of(), args);
    }

    /** As {@link #start(Path, int, Map, String...)}, with JVM options that win over the defaults (-Xmx64m: production's heap). */
    public static KioskProcess start(Path workDir, int port, Map<String, String> env, List<String> jvmOptions, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        String flags = System.getProperty("kiosk.test.jvmFlags", "");
        if (!flags.isBlank()) {
            command.addAll(Arrays.asList(flags.trim().split("\\s+")));
        }
        command.addAll(List.of("-Xmx96m", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "vn.kiosk.app.Main"));
        command.addAll(List.of(args));
        return start(command, workDir, port, env);
    }

    /** Starts the built application through the launcher script, as it runs in production. */
    public static KioskProcess startLauncher(Path launcher, Path workDir, int port, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return start(command, workDir, port, env);
    }

    private static KioskProcess start(List<String> command, Path workDir, int port, Map<String, String> env) {
        try {
            Files.createDirectories(workDir);
            long n = System.nanoTime();
            Path out = workDir.resolve("stdout-" + n + ".txt");
            Path err = workDir.resolve("stderr-" + n + ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("KIOSK_"));
            pb.environment().put("KIOSK_HTTP_PORT", String.valueOf(port));
            pb.environment().putAll(env);
            return new KioskProcess(pb.start(), out, err, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until GET /api/health answers 200. */
    public KioskProcess awaitReady(Duration timeout) {
        Api api = new Api(port);
        Poll.until(timeout, "the kiosk to answer /api/health (stderr: " + stderr + ")", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the kiosk exited with " + process.exitValue() + ":\n" + stderr());
            }
            try {
                return api.get("/api/health").status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
        return this;
    }

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(port);
    }

    public Process process() {
        return process;
    }

    public void kill9() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** Sends SIGTERM and returns the exit code. */
    public int terminate(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the kiosk did not exit within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
    }
}
