package vn.kiosk.console.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.json.Json;

/**
 * N simulated kiosks in one process, for demos and scale tests of the fleet console: each is its own
 * MQTT session publishing what a real kiosk publishes (status with a Will, telemetry, ticket and
 * printer events, replies to technician commands), two kiosks per site ({@code {prefix}-001/kiosk-01},
 * {@code {prefix}-001/kiosk-02}, {@code {prefix}-002/kiosk-01}, ...). Ticket events come at a total
 * rate spread at random over the kiosks; faults come per {@link FaultPlan}.
 *
 * <p>Our own threads are bounded: every kiosk's timed work (and Paho's keep-alive pings) runs on one
 * scheduler of {@value #THREADS} threads. Paho itself still keeps its send, receive and callback threads
 * per connected client; that is how its client works.
 *
 * <pre>
 * java -cp 'fleet-console.jar:lib/*' vn.kiosk.console.sim.FleetSim --broker tcp://127.0.0.1:1883 \
 *     --kiosks 1000 --site-prefix sim [--events-per-second R] [--telemetry-seconds 60] [--seconds 0] [--faults true]
 * </pre>
 */
public final class FleetSim implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetSim.class);
    static final int THREADS = 4;
    /** Connects in flight at once: a fleet coming up should not look like a SYN flood to the broker. */
    static final int CONNECT_BATCH = 50;
    private static final long EVENT_TICK_MS = 100;
    private static final long STATS_EVERY_S = 10;
    private static final long STOP_MILLIS = 5_000;

    private final SimOptions options;
    private final ScheduledExecutorService scheduler;
    private final SimStats stats = new SimStats();
    private final List<SimKiosk> kiosks;
    private final FaultInjector faults;
    /** Kiosks whose first connect has been started; they are the first {@code started} of {@link #kiosks}. */
    private volatile int started;
    private double eventCredit;
    private long lastEventTick;
    private long lastStatsEvents;
    private boolean running;
    private volatile boolean closed;

    public FleetSim(SimOptions options) throws MqttException {
        this.options = options;
        AtomicInteger n = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "fleet-sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ObjectMapper json = Json.newMapper();
        List<SimKiosk> all = new ArrayList<>(options.kiosks());
        try {
            for (int i = 0; i < options.kiosks(); i++) {
                all.add(new SimKiosk(topics(options.sitePrefix(), i), options, json, scheduler, stats));
            }
        } catch (MqttException | RuntimeException e) {
            scheduler.shutdownNow();
            throw e;
        }
        this.kiosks = List.copyOf(all);
        this.faults = new FaultInjector(options.faults(), scheduler, stats);
    }

    /** The i-th kiosk (from 0): two per site, sites numbered from 001. */
    static SimTopics topics(String prefix, int i) {
        return new SimTopics(prefix + "-" + String.format("%03d", i / 2 + 1), String.format("kiosk-%02d", i % 2 + 1));
    }

    /** Connects the kiosks batch by batch and starts their events, telemetry and faults; returns at once. */
    public synchronized FleetSim start() {
        if (running || closed) {
            throw new IllegalStateException("a sim starts once");
        }
        running = true;
        lastEventTick = System.nanoTime();
        log.info("fleet sim: {} kiosks ({}-001 ...) on {}, {} events/s in all, telemetry every {} s, faults: {}",
                options.kiosks(), options.sitePrefix(), options.broker(), String.format("%.1f", options.eventsPerSecond()),
                options.telemetrySeconds(), describe(options.faults(), options.kiosks()));
        scheduler.execute(() -> connectBatch(0));
        scheduler.scheduleAtFixedRate(guarded(this::emitTicketEvents), EVENT_TICK_MS, EVENT_TICK_MS, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(guarded(this::everySecond), 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(guarded(this::logStats), STATS_EVERY_S, STATS_EVERY_S, TimeUnit.SECONDS);
        return this;
    }

    private void connectBatch(int from) {
        int to = Math.min(from + CONNECT_BATCH, kiosks.size());
        if (from >= to || closed) {
            if (from >= to) {
                log.info("fleet sim: all {} kiosks started, {} connected so far", kiosks.size(), stats.connected());
            }
            return;
        }
        AtomicInteger pending = new AtomicInteger(to - from);
        Runnable attempted = () -> { // on Paho's thread
            if (pending.decrementAndGet() == 0 && !closed) {
                try {
                    scheduler.execute(() -> connectBatch(to));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // stopped meanwhile
                }
            }
        };
        long telemetryMs = options.telemetrySeconds() * 1000L;
        for (int i = from; i < to; i++) {
            SimKiosk k = kiosks.get(i);
            // a random phase: 1,000 kiosks spread their telemetry over the interval
            scheduler.scheduleAtFixedRate(guarded(k::publishTelemetry), ThreadLocalRandom.current().nextLong(telemetryMs),
                    telemetryMs, TimeUnit.MILLISECONDS);
            started = i + 1;
            k.connect(attempted);
        }
    }

    /** The fleet's rate shared by the kiosks started so far (a fleet half up makes half the events). */
    private void emitTicketEvents() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        int n = started;
        eventCredit += options.eventsPerSecond() * (now - lastEventTick) / 1e9 * n / kiosks.size();
        lastEventTick = now;
        int due = (int) eventCredit;
        eventCredit -= due;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < due && n > 0; i++) {
            kiosks.get(random.nextInt(n)).activity();
        }
    }

    private void everySecond() {
        if (closed) {
            return;
        }
        List<SimKiosk> running = kiosks.subList(0, started);
        faults.tick(running);
        // a flush refused for a full in-flight window is retried here if no ack came to retry it
        for (SimKiosk k : running) {
            if (k.hasUnsent()) {
                k.flush();
            }
        }
    }

    private void logStats() {
        long events = stats.eventsPublished();
        log.info("fleet sim: {}/{} kiosks connected, {} events published ({}/s), {} telemetry, {} commands answered, "
                        + "faults: {} paper, {} offline, {} water low", stats.connected(), kiosks.size(), events,
                String.format("%.1f", (events - lastStatsEvents) / (double) STATS_EVERY_S), stats.telemetryReports(),
                stats.commandsAnswered(), stats.paperFaults(), stats.drops(), stats.waterLow());
        lastStatsEvents = events;
    }

    private static String describe(FaultPlan f, int kiosks) {
        if (!f.enabled()) {
            return "off";
        }
        return String.format("about %.1f paper faults and %.1f drops a minute, %.1f to %.1f s each",
                f.paperFaultsPerKioskHour() * kiosks / 60, f.dropsPerKioskHour() * kiosks / 60,
                f.minLength().toMillis() / 1000.0, f.maxLength().toMillis() / 1000.0);
    }

    /** A periodic task that logs a failure and keeps its schedule (an exception would cancel it silently). */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("fleet sim task failed", e);
            }
        };
    }

    public SimStats stats() {
        return stats;
    }

    public int kiosks() {
        return kiosks.size();
    }

    /**
     * Stops within about {@value #STOP_MILLIS} ms: each connected kiosk says offline (retained) and
     * disconnects cleanly, all at once; any that cannot in time is cut off (its Will says offline).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.currentTimeMillis() + STOP_MILLIS;
        List<IMqttToken> stopping = new ArrayList<>();
        for (SimKiosk k : kiosks) {
            IMqttToken t = k.stop();
            if (t != null) {
                stopping.add(t);
            }
        }
        int clean = 0;
        for (IMqttToken t : stopping) {
            try {
                t.waitForCompletion(Math.max(1, deadline - System.currentTimeMillis()));
                clean++;
            } catch (MqttException e) {
                log.debug("a kiosk did not stop cleanly: {}", e.getMessage());
            }
        }
        kiosks.forEach(SimKiosk::release);
        scheduler.shutdownNow();
        log.info("fleet sim stopped: {} of {} connected kiosks said offline and disconnected; {} events published, "
                + "{} recorded", clean, stopping.size(), stats.eventsPublished(), stats.eventsRecorded());
    }

    public static void main(String[] args) throws Exception {
        SimOptions o;
        try {
            o = SimOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("fleet sim: " + e.getMessage());
            System.err.println("usage: FleetSim --broker tcp://HOST:PORT --kiosks N --site-prefix P "
                    + "[--events-per-second R] [--telemetry-seconds S] [--seconds T] [--faults true|false]");
            System.exit(2);
            return;
        }
        FleetSim sim = new FleetSim(o).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "fleet-sim-stop"));
        if (o.seconds() > 0) {
            if (!stopped.await(o.seconds(), TimeUnit.SECONDS)) {
                sim.close();
            }
        } else {
            stopped.await();
        }
    }
}
