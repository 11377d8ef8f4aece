package vn.kiosk.hw.dispenser;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.hw.io.DigitalIn;
import vn.kiosk.hw.io.Gpio;
import vn.kiosk.hw.io.SimulatedIn;

/**
 * The dispenser's twin: the real {@link GpioDispenser} on Pi4J's mock platform, plus a little
 * physics. While a valve is open, water flows at {@code flowMlPerMinute} (a real valve gives about
 * 1.5 L/min, so a cup takes seconds) and the flow meter pulses {@code sensorPulsesPerLitre} times
 * a litre. The cup is present by default; every fault can be injected.
 */
public final class SimulatedDispenser extends GpioDispenser {

    private static final Logger log = LoggerFactory.getLogger(SimulatedDispenser.class);
    private static final long TICK_NANOS = 2_000_000;
    /** While no water flows: opening a valve wakes the loop at once; this only bounds how late it looks. */
    private static final long IDLE_NANOS = 100_000_000;

    private final double sensorPulsesPerLitre;
    private volatile double flowMlPerMinute;
    private volatile boolean stuckOpen;
    private final SimThermometer probe;
    private final Thread water;
    private volatile boolean running = true;
    private double deliveredMl;      // guarded by this
    private long pulsesEmitted;      // guarded by this

    public SimulatedDispenser(DispenserWiring wiring, double flowMlPerMinute, double sensorPulsesPerLitre, Double hotCelsius) {
        this(wiring, flowMlPerMinute, sensorPulsesPerLitre, hotCelsius, null);
    }

    /** @param lineLevels where the valve lines keep their levels between processes (see {@link Gpio#mock(Path)}); null: nowhere */
    public SimulatedDispenser(DispenserWiring wiring, double flowMlPerMinute, double sensorPulsesPerLitre, Double hotCelsius,
                              Path lineLevels) {
        this(wiring, flowMlPerMinute, sensorPulsesPerLitre, new SimThermometer(hotCelsius), lineLevels);
    }

    private SimulatedDispenser(DispenserWiring wiring, double flowMlPerMinute, double sensorPulsesPerLitre,
                               SimThermometer probe, Path lineLevels) {
        super(Gpio.mock(lineLevels), wiring, probe, "simulated dispenser");
        this.probe = probe;
        this.flowMlPerMinute = flowMlPerMinute;
        this.sensorPulsesPerLitre = sensorPulsesPerLitre;
        placeCup();
        water = new Thread(this::flowLoop, "sim-dispenser-water");
        water.setDaemon(true);
        water.start();
    }

    private static final class SimThermometer implements Thermometer {
        volatile Double celsius;

        SimThermometer(Double celsius) {
            this.celsius = celsius;
        }

        @Override
        public Reading latest() {
            Double c = celsius;
            return c == null ? new Reading(null, Instant.now(), "simulated probe unplugged") : new Reading(c, Instant.now(), null);
        }
    }

    /** Water runs while a valve is open (or always, when stuck open); each litre gives the sensor's pulses. */
    private void flowLoop() {
        long last = System.nanoTime();
        while (running) {
            if (!flowing()) {
                // idle: ticking every 2 ms here cost a demo or a bench some 4 % of a core for nothing
                LockSupport.parkNanos(IDLE_NANOS);
                last = System.nanoTime();
                continue;
            }
            LockSupport.parkNanos(TICK_NANOS);
            long now = System.nanoTime();
            double dtMinutes = (now - last) / 60e9;
            last = now;
            if (!flowing()) {
                continue; // closed during the tick
            }
            long owed;
            synchronized (this) {
                deliveredMl += flowMlPerMinute * dtMinutes;
                owed = (long) Math.floor(deliveredMl * sensorPulsesPerLitre / 1000.0) - pulsesEmitted;
                pulsesEmitted += Math.max(0, owed);
            }
            for (long i = 0; i < owed && running; i++) {
                try {
                    driven(flowInput()).simulate(true);
                    driven(flowInput()).simulate(false);
                } catch (RuntimeException e) {
                    log.debug("simulated flow pulse after close", e);
                }
            }
        }
    }

    private boolean flowing() {
        return stuckOpen || openTap() != null;
    }

    /** Every line here comes from Gpio.mock() (the constructor's), so each input can be driven. */
    private static SimulatedIn driven(DigitalIn in) {
        return (SimulatedIn) in;
    }

    // ---- what a test or a demo can do to the simulated world ----

    public void placeCup() {
        driven(cupInput()).simulate(true);
    }

    public void removeCup() {
        driven(cupInput()).simulate(false);
    }

    /** 0 = an empty tank or a dry pump: the valve opens, nothing flows. */
    public void setFlowMlPerMinute(double mlPerMinute) {
        this.flowMlPerMinute = mlPerMinute;
    }

    /** A valve that no longer closes: water keeps coming after the kiosk closed it. */
    public void setStuckOpen(boolean stuck) {
        this.stuckOpen = stuck;
        LockSupport.unpark(water);
    }

    @Override
    public synchronized void open(Tap tap) {
        super.open(tap);
        LockSupport.unpark(water); // the water starts now, not at the idle loop's next look
    }

    public void setLevelLow(Tap tap, boolean low) {
        if (levelInput(tap) == null) {
            throw new IllegalStateException(tap.id() + " tank has no level switch in this wiring");
        }
        driven(levelInput(tap)).simulate(low);
    }

    public void setHotCelsius(Double celsius) {
        probe.celsius = celsius;
    }

    /** Water that really came out since the last reset, in ml (what a scale under the cup would say). */
    public synchronized double deliveredMl() {
        return deliveredMl;
    }

    public synchronized void resetDelivered() {
        deliveredMl = 0;
        pulsesEmitted = 0;
    }

    /** Whether a valve output is driven open right now. */
    public boolean valveOpen(Tap tap) {
        return valveOutput(tap).isActive();
    }

    @Override
    public synchronized void close() {
        running = false;
        LockSupport.unpark(water);
        super.close();
    }
}
