package vn.kiosk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.kiosk.app.KioskApp;
import vn.kiosk.devices.SimulatedDevices;
import vn.kiosk.web.LiveEvents;

/**
 * A kiosk running in this JVM for one test, on a free port in its own scratch directory:
 * {@code @RegisterExtension final RunningKiosk kiosk = new RunningKiosk();} then {@code kiosk.start(yaml)}
 * in the test (or its {@code @BeforeEach}). It is closed, and its directory removed, after each test,
 * after the test's own {@code @AfterEach} methods (so a browser on its pages goes first).
 */
public final class RunningKiosk implements BeforeEachCallback, AfterEachCallback {

    private Clock clock = Clock.systemUTC();
    private Path dir;
    private KioskApp app;
    private int port;
    private Api api;
    private String yaml;
    private Map<String, String> env;

    /** The clock the next start uses (a test that moves time passes a {@link MutableClock}). */
    public RunningKiosk clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Starts the kiosk with the built-in defaults plus {@code yaml} ("{}" for none). */
    public RunningKiosk start(String yaml) throws Exception {
        return start(yaml, Map.of());
    }

    /** Starts the kiosk with {@code yaml} and extra environment variables (the HTTP port is chosen here). */
    public RunningKiosk start(String yaml, Map<String, String> env) throws Exception {
        if (app != null) {
            throw new IllegalStateException("the kiosk of this test is already running");
        }
        return start(yaml, env, Ports.free());
    }

    private RunningKiosk start(String yaml, Map<String, String> env, int port) throws Exception {
        this.yaml = yaml;
        this.env = env;
        this.port = port;
        Map<String, String> e = new HashMap<>(env);
        e.put("KIOSK_HTTP_PORT", String.valueOf(port));
        app = new KioskApp(TestConfigs.load(dir, yaml, e), clock).start();
        api = new Api(port);
        return this;
    }

    /** Stops the kiosk and starts it again with the same configuration, data and port (a page on it stays on its origin). */
    public RunningKiosk restart() throws Exception {
        running(app);
        stop();
        return start(yaml, env, port);
    }

    public KioskApp app() {
        return running(app);
    }

    public Api api() {
        return running(api);
    }

    public int port() {
        running(app);
        return port;
    }

    /** http://127.0.0.1:port, the kiosk's pages and API. */
    public String base() {
        return "http://127.0.0.1:" + port();
    }

    public LiveEvents liveEvents() {
        return app().liveEvents();
    }

    /** The kiosk's simulated devices (the defaults are all {@code sim:}). */
    public SimulatedDevices sim() {
        return app().simulated();
    }

    /** The kiosk's scratch directory (its data is under data/); exists from before the test on. */
    public Path dir() {
        return dir;
    }

    /** Closes the kiosk now, for a test whose other parts (a broker) must outlive it; after each test it is done anyway. */
    public void stop() {
        if (app != null) {
            app.close();
            app = null;
            api = null;
        }
    }

    private <T> T running(T part) {
        if (part == null) {
            throw new IllegalStateException("the kiosk of this test is not started (call start(yaml) first)");
        }
        return part;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("kiosk-test-");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            stop();
        } finally {
            app = null;
            api = null;
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the test kiosk's directory " + dir, e);
        }
    }
}
