package vn.kiosk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private PostgreSQL cluster for a test class (Debian's postgresql package: initdb and pg_ctl,
 * as the postgres user when the tests run as root, on a free port, in a temporary folder), never
 * the server that may happen to run on the machine; each test gets a fresh database of its own.
 * Skips the tests (with the reason) where the package is not installed; .ci/run installs it.
 * Register with {@code @RegisterExtension static final TestPostgres pg = new TestPostgres();}.
 */
public final class TestPostgres implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private static final String USER = "kiosk";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The tests' small clusters (many start, each holds little); PostgreSQL's own default is 128MB. */
    private final String sharedBuffers;
    private Path bin;
    private Path dir;
    private int port;
    private String database;

    public TestPostgres() {
        this("16MB");
    }

    private TestPostgres(String sharedBuffers) {
        this.sharedBuffers = sharedBuffers;
    }

    /**
     * For a benchmark: the buffer cache of a server as PostgreSQL ships it (128MB), not the tests'
     * 16MB, which no real server runs with.
     */
    public static TestPostgres asShipped() {
        return new TestPostgres("128MB");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        bin = findBin();
        Assumptions.assumeTrue(bin != null, "PostgreSQL is not installed (apt install postgresql): site queue tests skipped");
        dir = Files.createTempDirectory("kiosk-pg-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = dir.resolve("data");
        Path sockets = dir.resolve("sock");
        Files.createDirectories(sockets);
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        port = Ports.free();
        run(asOwner(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                "--no-sync", "--no-instructions"));
        start();
    }

    /** Starts the cluster (again) on the same port and data. */
    public void start() {
        run(asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "30", "-o",
                "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=" + dir.resolve("sock")
                        + " -c max_connections=60 -c shared_buffers=" + sharedBuffers, "start"));
    }

    /** Stops it like a power cut of the server: no checkpoint, clients cut off at once. */
    public void stopImmediately() {
        run(asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
                "stop"));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        database = "test_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbc("postgres"), USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (dir == null) {
            return;
        }
        try {
            run(asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
                    "stop"));
        } catch (RuntimeException e) {
            // already stopped by the test
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** queue.store for this test's database. */
    public String url() {
        return "postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    /** A connection to this test's database, for the test's own checks. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc(database), USER, "");
    }

    /** The first column of the first row of {@code sql} on this test's database (a count, a size). */
    public long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    private String jdbc(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    private static Path findBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asOwner(String... command) {
        List<String> out = new ArrayList<>();
        if (isRoot()) { // initdb refuses to run as root
            out.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        out.addAll(List.of(command));
        return out;
    }

    private void run(List<String> command) {
        try {
            Path log = Files.createTempFile("kiosk-pg-cmd-", ".txt");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
            }
            String output = Files.readString(log);
            Files.deleteIfExists(log);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + output
                        + (dir == null ? "" : serverLog()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String serverLog() {
        try {
            Path log = dir.resolve("server.log");
            return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
