package vn.kiosk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import vn.kiosk.fleet.EmbeddedBroker;
import vn.kiosk.hw.testing.Poll;

/**
 * A private MQTT broker for one test: Mosquitto (Debian package mosquitto) on a free port with its
 * own configuration, password file and ACL, which the test can stop, start and kill. Where no
 * mosquitto binary exists, {@link #start} says so and puts the embedded Java broker in its place
 * (no ACLs, no restarts with persistence), so the suite still runs on a bare machine; a test of a
 * real broker's behaviour asks for {@link #mosquitto} instead, and is skipped there.
 */
public final class TestBroker implements AutoCloseable {

    public static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    private final Path dir;
    private final int port;
    private final String extraConfig;
    private final String logTypes;
    private Process process;
    private EmbeddedBroker embedded;

    private TestBroker(Path dir, int port, String extraConfig) {
        this(dir, port, extraConfig, "all");
    }

    private TestBroker(Path dir, int port, String extraConfig, String logTypes) {
        this.dir = dir;
        this.port = port;
        this.extraConfig = extraConfig;
        this.logTypes = logTypes;
    }

    public static boolean mosquittoInstalled() {
        return Files.isExecutable(MOSQUITTO);
    }

    /** Anonymous access, persistence in {@code dir} (so queued messages survive a restart). */
    public static TestBroker start(Path dir) {
        if (!mosquittoInstalled()) {
            System.err.println("TestBroker: " + MOSQUITTO + " is not installed (apt install mosquitto): "
                    + "this test runs against the embedded Java broker instead");
        }
        return new TestBroker(dir, Ports.free(), "allow_anonymous true\n").start();
    }

    /** A real Mosquitto for a test of a real broker's behaviour (Will, sessions, restarts); skipped where none is installed. */
    public static TestBroker mosquitto(Path dir) {
        Assumptions.assumeTrue(mosquittoInstalled(), "needs mosquitto, a real broker (apt install mosquitto)");
        return start(dir);
    }

    /**
     * For a benchmark: a Mosquitto that logs only errors and warnings (logging every message took
     * the broker's time in a replay), and keeps every queued message of a persistent session
     * (its default of 1,000 dropped the rest when a fast publisher outran the subscriber). Needs mosquitto.
     */
    public static TestBroker quiet(Path dir) {
        Assumptions.assumeTrue(mosquittoInstalled(), "needs mosquitto (apt install mosquitto)");
        return new TestBroker(dir, Ports.free(), "allow_anonymous true\nmax_queued_messages 0\n", "error\nlog_type warning").start();
    }

    /** With extra listener options (TLS files, ...) after the listener line. Needs mosquitto. */
    public static TestBroker withConfig(Path dir, String extraConfig) {
        return new TestBroker(dir, Ports.free(), extraConfig).start();
    }

    /** With accounts (user → password) and an ACL file. Needs mosquitto. */
    public static TestBroker withAccounts(Path dir, Map<String, String> accounts, Path aclFile) {
        try {
            Files.createDirectories(dir);
            Path passwd = dir.resolve("passwd");
            Files.writeString(passwd, "");
            for (var e : accounts.entrySet()) {
                Process p = new ProcessBuilder("mosquitto_passwd", "-b", passwd.toString(), e.getKey(), e.getValue())
                        .redirectErrorStream(true).start();
                if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("mosquitto_passwd failed: " + new String(p.getInputStream().readAllBytes()));
                }
            }
            return new TestBroker(dir, Ports.free(), "allow_anonymous false\npassword_file " + passwd + "\nacl_file "
                    + aclFile.toAbsolutePath() + "\n").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** What mosquitto has logged so far (log_type all); empty for the embedded broker. */
    public String log() {
        return read(dir.resolve("mosquitto.log"));
    }

    /** Starts (again) on the same port. */
    public synchronized TestBroker start() {
        try {
            Files.createDirectories(dir);
            if (!mosquittoInstalled()) {
                embedded = EmbeddedBroker.start(port);
                return this;
            }
            Path conf = dir.resolve("mosquitto.conf");
            // "user root": when the tests run as root, mosquitto would otherwise switch to user
            // mosquitto and could not write its files in the test's directory (no effect otherwise).
            Files.writeString(conf, "user root\nlistener " + port + " 127.0.0.1\n" + extraConfig
                    + "persistence true\npersistence_location " + dir.toAbsolutePath() + "/\n"
                    + "log_dest file " + dir.resolve("mosquitto.log").toAbsolutePath() + "\nlog_type " + logTypes + "\n");
            process = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
            Poll.until(java.time.Duration.ofSeconds(10), "mosquitto to listen on " + port, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mosquitto exited: " + read(dir.resolve("mosquitto.out")));
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clean stop (SIGTERM): Mosquitto saves retained messages and sessions first. */
    public synchronized void stop() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
        if (process != null) {
            freeze(false); // a stopped process would not act on SIGTERM
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /**
     * Stops (SIGSTOP) or resumes (SIGCONT) the broker process: connections stay open but nothing
     * is answered, as when the network drops without closing anything. Needs mosquitto.
     */
    public synchronized void freeze(boolean frozen) {
        if (process == null) {
            throw new IllegalStateException("freeze needs a mosquitto process (not the embedded broker)");
        }
        try {
            Process kill = new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", String.valueOf(process.pid())).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + (frozen ? "-STOP" : "-CONT") + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        stop();
    }
}
