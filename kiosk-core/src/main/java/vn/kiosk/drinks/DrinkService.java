package vn.kiosk.drinks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.devices.Devices;
import vn.kiosk.drinks.PourInterlock.Decision;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.fleet.messages.TelemetryReport;
import vn.kiosk.hw.DeviceStatus;
import vn.kiosk.hw.dispenser.Dispenser;
import vn.kiosk.hw.dispenser.Tap;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.problem.Problem;
import vn.kiosk.queue.BusinessDay;
import vn.kiosk.queue.Channel;
import vn.kiosk.storage.Database;

/**
 * Pours water, one pour at a time, for the touchscreen, robots and technicians: requests, records,
 * events and calibration. When to close the valve is {@link PourInterlock}'s decision, asked on the
 * GPIO event thread at each input change (to close at once) and by a 10 ms supervisor (in case an
 * edge was missed, and for the timeouts).
 *
 * <p>Threads: the GPIO event thread reads the inputs, asks the interlock and closes the valves
 * (it takes {@code this} only to count pulses with no pour); the "drinks" worker runs the
 * supervisor and records the pour's end; request threads start pours under {@code this}. Both
 * interlock callers may decide at once: closing is idempotent and {@link PourRun#end} keeps the
 * first reason.
 */
public final class DrinkService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DrinkService.class);
    private static final long TICK_MILLIS = 10;
    private static final long PROGRESS_MILLIS = 250;
    private static final int KEEP_POURS = 50;

    private final Dispenser dispenser;
    private final Database db;
    private final Outbox outbox;
    private final KioskEvents events;
    private final Clock clock;
    private final BusinessDay businessDay;
    private final DrinkLimits limits;
    private final FaultLatch latch;
    private final BooleanSupplier maintenance;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drinks");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Pour> recent = new LinkedHashMap<>(); // guarded by this
    private final FlowCalibration calibration;
    private volatile PourRun current;
    private ScheduledFuture<?> ticker;            // guarded by this
    private long lastProgressNanos;               // worker thread only
    private long idlePulses;                      // guarded by this
    private volatile boolean closed;

    public DrinkService(Dispenser dispenser, Database db, Outbox outbox, KioskEvents events, ObjectMapper json, Clock clock,
                        BusinessDay businessDay, KioskConfig.Dispensing config, BooleanSupplier maintenance) {
        this.dispenser = dispenser;
        this.db = db;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.businessDay = businessDay;
        this.limits = DrinkLimits.of(config);
        this.latch = new FaultLatch(db, json, outbox);
        this.maintenance = maintenance;
        this.calibration = new FlowCalibration(db, outbox, clock, limits.defaultPulsesPerLitre());
        dispenser.closeAll();
        dispenser.onInput(this::onInput);
        if (latch.current() != null) {
            log.warn("dispenser fault still latched from before: {} ({}); a technician must reset it",
                    latch.current().code(), latch.current().message());
        }
    }

    /**
     * The drink service for the kiosk's dispenser, or null when it has none. The dispenser's
     * reported status then carries a latched fault on top of what its parts say.
     */
    public static DrinkService forDevices(Devices devices, Database db, Outbox outbox, KioskEvents events, ObjectMapper json,
                                          Clock clock, KioskConfig config, BooleanSupplier maintenance) {
        if (devices.dispenser() == null) {
            return null;
        }
        DrinkService drinks = new DrinkService(devices.dispenser(), db, outbox, events, json, clock,
                new BusinessDay(config.zone(), config.businessDayStart()), config.dispenser(), maintenance);
        devices.dispenserStatusFrom(drinks::deviceStatus);
        return drinks;
    }

    /** Starts a pour and returns at once; the pour runs on. {@code ml} null = one cup. */
    public Pour start(String kind, Integer ml, boolean confirm, Channel channel) {
        Tap tap = Tap.parse(kind);
        if (tap == null) {
            throw new Problem(400, "bad_request", "'kind' must be \"cold\" or \"hot\"; got "
                    + (kind == null ? "nothing" : "'" + kind + "'"));
        }
        int volume = ml == null ? limits.cupMl() : ml;
        if (volume <= 0) {
            throw new Problem(400, "bad_request", "'ml' must be a positive number of millilitres");
        }
        if (volume > limits.maxMl(tap)) {
            throw new Problem(400, "over_limit", "at most " + limits.maxMl(tap) + " ml of " + tap.id()
                    + " water per pour; asked for " + volume, Map.of("limitMl", limits.maxMl(tap)));
        }
        if (tap == Tap.HOT && !confirm) {
            throw new Problem(400, "confirmation_required",
                    "hot water needs \"confirm\": true (the person has been warned that it is hot)");
        }
        if (channel == Channel.TOUCHSCREEN && maintenance.getAsBoolean()) {
            throw new Problem(503, "maintenance", "the kiosk is in maintenance");
        }
        return begin(tap, volume, PourChannel.of(channel), false);
    }

    private synchronized Pour begin(Tap tap, int volume, PourChannel channel, boolean calibrating) {
        if (closed) {
            throw new Problem(503, "shutting_down", "the kiosk is shutting down");
        }
        FaultLatch.Fault f = latch.current();
        if (f != null) {
            throw new Problem(503, "dispenser_fault", "the dispenser is shut after a fault (" + f.code() + ": "
                    + f.message() + "); a technician must reset it", Map.of("fault", f.code()));
        }
        if (DispenserReport.unavailable(dispenser)) {
            throw new Problem(503, "dispenser_unavailable", "the dispenser is not available: "
                    + dispenser.status().detail());
        }
        if (current != null) {
            throw new Problem(409, "busy", "another pour is in progress; one at a time",
                    Map.of("pourId", current.id));
        }
        if (dispenser.levelLow(tap)) {
            throw new Problem(503, "tank_low", "the " + tap.id() + " water tank is low");
        }
        if (!dispenser.cupPresent()) {
            throw new Problem(409, "no_cup", "place a cup under the tap first");
        }
        long now = System.nanoTime();
        idlePulses = 0;
        PourRun run = new PourRun(UUID.randomUUID().toString(), tap, volume, channel, calibrating,
                calibration.pulsesPerLitre(),
                dispenser.flowPulses(), limits, now, clock.instant());
        current = run;
        try {
            dispenser.open(tap);
        } catch (RuntimeException e) {
            dispenser.closeAll();
            current = null;
            log.error("opening the {} valve failed", tap.id(), e);
            throw new Problem(503, "dispenser_error", "the dispenser could not open the valve: " + e.getMessage());
        }
        log.info("pour {} started: {} ml {} ({})", run.id, volume, tap.id(), channel.id());
        lastProgressNanos = now;
        ticker = worker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        Pour p = run.view(run.startPulses, false, null);
        remember(p);
        publish(p);
        return p;
    }

    /** GPIO event thread: react now, leave the bookkeeping to the worker. */
    private void onInput(Dispenser.Input input, boolean active) {
        long now = System.nanoTime();
        PourRun run = current;
        if (input == Dispenser.Input.FLOW_PULSE) {
            if (run == null) {
                idleFlow();
                return;
            }
            run.pulseSeen(now);
        }
        Tap levelTap = input == Dispenser.Input.COLD_LEVEL ? Tap.COLD : input == Dispenser.Input.HOT_LEVEL ? Tap.HOT : null;
        if (run != null) {
            // the event's own value is the freshest reading of its input
            boolean cup = input == Dispenser.Input.CUP ? active : dispenser.cupPresent();
            boolean low = levelTap == run.tap ? active : dispenser.levelLow(run.tap);
            interlock(run, run.open(), cup, low, dispenser.flowPulses(), now);
        }
        if (levelTap != null && active) {
            worker.execute(() -> outbox.record(db, "dispenser.level_low", clock.instant(),
                    new DispenserEventData.LevelLow(levelTap.id())));
        }
    }

    /** Asks the interlock about this reading; on a stop, closes the valves first, then records why. */
    private Decision interlock(PourRun run, boolean open, boolean cupPresent, boolean levelLow, long pulsesNow, long now) {
        Decision d = run.interlock.decide(new PourInterlock.Inputs(open, cupPresent, levelLow,
                pulsesNow - run.startPulses, run.lastPulseNanos(), now));
        if (d.stops()) {
            dispenser.closeAll();
            if (!open) {
                run.overrun();
            } else if (run.end(d.outcome(), d.reason(), System.nanoTime())) {
                log.info("pour {} valve closed: {}", run.id, d.reason());
            }
        }
        return d;
    }

    /** The supervisor: the interlock again, in case an edge was missed, and the timeouts. */
    private void tick() {
        PourRun run = current;
        if (run == null) {
            return;
        }
        try {
            long now = System.nanoTime();
            long pulsesNow = dispenser.flowPulses();
            boolean open = run.open();
            Decision d = interlock(run, open, dispenser.cupPresent(), dispenser.levelLow(run.tap), pulsesNow, now);
            if (open) {
                if (!d.stops() && now - lastProgressNanos >= PROGRESS_MILLIS * 1_000_000L) {
                    lastProgressNanos = now;
                    Pour p = run.view(pulsesNow, false, null);
                    remember(p);
                    publish(p);
                }
                return;
            }
            if (dispenser.openTap() != null) {
                dispenser.closeAll(); // belt and braces: nothing may be open once a pour has ended
            }
            if (now - run.closedNanos() >= DrinkLimits.SETTLE_MILLIS * 1_000_000L) {
                finish(run, pulsesNow);
            }
        } catch (RuntimeException e) {
            dispenser.closeAll();
            log.error("dispenser supervisor failed; valves closed", e);
            run.end(PourState.FAULT, "internal_error", System.nanoTime());
        }
    }

    private void finish(PourRun run, long pulsesNow) {
        synchronized (this) {
            if (current != run) {
                return; // already finished (shutdown and the supervisor both got here)
            }
        }
        Pour p = run.view(pulsesNow, true, clock.instant());
        boolean fault = p.state() == PourState.FAULT;
        try {
            db.inTransaction(c -> {
                if (p.measuredMl() > 0 && !run.calibrating) {
                    DrinkCounts.add(c, businessDay.of(p.startedAt()), run.tap, p.measuredMl());
                }
                outbox.append(c, "drink.dispensed", p.endedAt(), DispenserEventData.Dispensed.of(p));
                if (fault) {
                    latch.latch(c, p.reason(), run.tap, p.id(), p.endedAt());
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.error("recording pour {} failed", run.id, e);
        }
        synchronized (this) {
            if (run.calibrating && p.state() == PourState.DONE) {
                calibration.pourDone(run.id, pulsesNow - run.startPulses, run.requestedMl);
            }
            current = null;
            if (ticker != null) {
                ticker.cancel(false);
                ticker = null;
            }
        }
        if (fault) {
            log.error("dispenser fault latched: {} ({}); pour {} gave {} ml", p.reason(),
                    FaultLatch.describe(p.reason(), run.tap), p.id(), p.measuredMl());
        } else {
            log.info("pour {} {}: {} of {} ml ({})", p.id(), p.state(), p.measuredMl(), p.requestedMl(), p.reason());
        }
        remember(p);
        publish(p);
    }

    /** Pulses with no pour: closed and latched once, on the pulse the interlock first calls a leak. */
    private synchronized void idleFlow() {
        idlePulses++;
        long margin = DrinkLimits.pulses(limits.overrunMl(), calibration.pulsesPerLitre());
        if (PourInterlock.whileIdle(idlePulses, margin).stops() && !PourInterlock.whileIdle(idlePulses - 1, margin).stops()) {
            dispenser.closeAll();
            worker.execute(() -> latchIdleFault());
        }
    }

    private void latchIdleFault() {
        if (latch.current() != null) {
            return;
        }
        FaultLatch.Fault f = db.inTransaction(c -> latch.latch(c, "flow_while_idle", null, null, clock.instant()));
        log.error("dispenser fault latched: {}", f.message());
    }

    /** A technician has looked at the dispenser: clears a latched fault. */
    public DispenserReset reset(String by) {
        Instant now = clock.instant();
        FaultLatch.Fault was = db.inTransaction(c -> {
            FaultLatch.Fault cleared = latch.clear(c);
            outbox.append(c, "dispenser.reset", now, new DispenserEventData.Reset(cleared == null ? null : cleared.code(), by));
            return cleared;
        });
        synchronized (this) {
            idlePulses = 0;
        }
        log.info("dispenser reset by {}; cleared: {}", by, was == null ? "nothing" : was.code());
        return new DispenserReset(was == null ? null : was.code(), details());
    }

    /** Calibration, step 1: pours {@code ml} by the current calibration; the technician then measures it. */
    public Pour calibrationPour(String kind, Integer ml) {
        Tap tap = Tap.parse(kind == null ? "cold" : kind);
        if (tap == null) {
            throw new Problem(400, "bad_request", "'kind' must be \"cold\" or \"hot\"");
        }
        int volume = ml == null ? 500 : ml;
        if (volume < 100 || volume > limits.maxMl(tap)) {
            throw new Problem(400, "over_limit", "a calibration pour must be 100 to " + limits.maxMl(tap) + " ml",
                    Map.of("limitMl", limits.maxMl(tap)));
        }
        return begin(tap, volume, PourChannel.TECH, true);
    }

    /** Calibration, step 2: the volume the technician measured sets the flow meter's pulses per litre. */
    public CalibrationResult calibrate(double measuredMl) {
        CalibrationResult result = calibration.measured(measuredMl);
        log.info("flow meter calibrated: {} -> {} pulses per litre", result.pulsesPerLitreBefore(), result.pulsesPerLitre());
        return result;
    }

    public synchronized Optional<Pour> pour(String id) {
        return Optional.ofNullable(recent.get(id));
    }

    private synchronized void remember(Pour p) {
        recent.put(p.id(), p);
        while (recent.size() > KEEP_POURS) {
            recent.remove(recent.keySet().iterator().next());
        }
    }

    /** Not after a commit: a pour's start and progress are stored nowhere, and its end is shown even if recording it failed. */
    private void publish(Pour p) {
        events.publish(new PourProgressed(p));
    }

    /** The dispenser's status with the latched fault on top of what the parts say. */
    public DeviceStatus deviceStatus() {
        return DispenserReport.status(dispenser, latch.current());
    }

    /** For /api/health and device.status: state, temperature, levels, latched fault. */
    public DispenserDetails details() {
        PourRun run = current;
        return DispenserReport.details(dispenser, latch.current(), run == null ? null : run.id, calibration.pulsesPerLitre());
    }

    /** What the touchscreen needs to offer a drink. */
    public DrinkOffer offer() {
        return DispenserReport.offer(dispenser, limits, latch.current());
    }

    /** Today's cups and litres per kind, for telemetry. */
    public TelemetryReport.Drinks today() {
        return db.read(c -> DrinkCounts.of(c, businessDay.of(clock.instant())));
    }

    /** Closes the valves and ends a pour in progress as STOPPED (shutdown). */
    @Override
    public void close() {
        closed = true;
        dispenser.closeAll();
        PourRun run = current;
        if (run != null) {
            run.end(PourState.STOPPED, "shutdown", System.nanoTime());
            try {
                worker.submit(() -> finish(run, dispenser.flowPulses())).get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("recording the pour stopped by shutdown failed", e);
            }
        }
        worker.shutdownNow();
    }
}
