package vn.kiosk.console;

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
import vn.kiosk.testing.Api;
import vn.kiosk.testing.TestBroker;
import vn.kiosk.testing.TestPostgres;

/**
 * A test's fleet console on a private Mosquitto (started on first use) and the class's private
 * PostgreSQL, closed after the test: {@code @RegisterExtension final RunningConsole fleet = new RunningConsole(pg);}.
 */
final class RunningConsole implements BeforeEachCallback, AfterEachCallback {

    static final String TECH = "fleet-tech-token-0123456789";

    private final TestPostgres pg;
    private Path dir;
    private TestBroker broker;
    private Console console;

    RunningConsole(TestPostgres pg) {
        this.pg = pg;
    }

    TestBroker broker() {
        if (broker == null) {
            broker = TestBroker.mosquitto(dir.resolve("broker"));
        }
        return broker;
    }

    /** Starts the console with the technicians' token, on this test's broker and database, plus {@code options}. */
    Console start(Map<String, String> options, Clock clock) throws Exception {
        Map<String, String> args = new HashMap<>(Map.of("--broker", broker().url(), "--db", pg.url(), "--http-port", "0"));
        args.putAll(options);
        console = Console.start(ConsoleOptions.parse(args, Map.of("FLEET_TECH_TOKEN", TECH)), clock);
        return console;
    }

    Console start() throws Exception {
        return start(Map.of(), Clock.systemUTC());
    }

    /** Stops the console (its persistent session stays at the broker); start it again with {@link #start}. */
    void stop() {
        if (console != null) {
            console.close();
            console = null;
        }
    }

    Api api() {
        return new Api(console.httpPort());
    }

    int port() {
        return console.httpPort();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("fleet-console-test-");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            stop();
        } finally {
            if (broker != null) {
                broker.close();
                broker = null;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
