package vn.kiosk.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.json.Json;

/** Wires the console and owns its lifecycle: everything opened is closed in reverse order. */
public final class Console implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Console.class);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private ConsoleHttp http;

    public static Console start(ConsoleOptions o, Clock clock) throws Exception {
        Console console = new Console();
        try {
            console.open(o, clock);
        } catch (Exception e) {
            console.close();
            throw e;
        }
        return console;
    }

    private void open(ConsoleOptions o, Clock clock) throws Exception {
        ObjectMapper json = Json.newMapper();
        FleetDb db = new FleetDb(o.db());
        opened.push(db);
        ConsoleMetrics metrics = new ConsoleMetrics();
        Fleet fleet = new Fleet(db, clock, metrics, new AlertHook(o.webhook(), json));
        metrics.devicesOnline(fleet::online);
        opened.push(fleet::writeRows); // closed after the ingest: the last rows held back
        Ingest ingest = new Ingest(o, fleet).start();
        opened.push(ingest);
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alert-sweep");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                fleet.sweep();
            } catch (RuntimeException e) {
                log.warn("the silent-kiosk sweep failed", e);
            }
        }, 10, 10, TimeUnit.SECONDS);
        opened.push(sweeper::shutdownNow);
        Commands commands = new Commands(ingest, db, json, clock, Duration.ofSeconds(o.commandTimeoutSeconds()));
        Users users = new Users(db, clock, o.techToken());
        FleetHistory history = new FleetHistory(db, clock, o.zone());
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                history.prune(o.telemetryDays());
            } catch (RuntimeException e) {
                log.warn("pruning the telemetry history failed", e);
            }
        }, 1, 60, TimeUnit.MINUTES);
        http = new ConsoleHttp(o, json, fleet, commands, metrics, users, history).start();
        opened.push(http);
        log.info("fleet console ready on http://{}:{}/ (broker {}, database {})", o.bind(), http.port(), o.broker(), o.db());
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public synchronized void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                log.warn("closing a part of the console failed", e);
            }
        }
    }
}
