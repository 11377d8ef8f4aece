package vn.kiosk.hw.dispenser;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.hw.DeviceStatus;
import vn.kiosk.hw.io.DigitalIn;
import vn.kiosk.hw.io.DigitalOut;
import vn.kiosk.hw.io.Gpio;

/**
 * The dispenser on GPIO lines (see the README's wiring table). Valves start closed, are closed by
 * {@link #close()} and by a JVM shutdown hook, and the valve relays should be wired so that a dead
 * Pi (no drive) means closed: software is the second line of defence, not the first.
 */
public class GpioDispenser implements Dispenser {

    private static final Logger log = LoggerFactory.getLogger(GpioDispenser.class);

    private final Gpio gpio;
    private final DigitalOut cold;
    private final DigitalOut hot;
    private final DigitalIn cup;
    private final DigitalIn flow;
    private final DigitalIn coldLow;
    private final DigitalIn hotLow;
    private final Thermometer thermometer;
    private final String description;
    private final AtomicLong pulses = new AtomicLong();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Thread closeOnExit = new Thread(this::closeAll, "dispenser-close-valves");
    private volatile boolean closed;

    public GpioDispenser(Gpio gpio, DispenserWiring wiring, Thermometer thermometer, String description) {
        this.gpio = gpio;
        this.thermometer = thermometer;
        this.description = description;
        try {
            cold = gpio.output("cold-valve", wiring.coldValve());
            hot = gpio.output("hot-valve", wiring.hotValve());
            closeAll(); // outputs start inactive; say so explicitly anyway
            flow = gpio.input("flow-meter", wiring.flowMeter());
            cup = gpio.input("cup-sensor", wiring.cupSensor());
            coldLow = wiring.coldLevelLow() == null ? null : gpio.input("cold-level-low", wiring.coldLevelLow());
            hotLow = wiring.hotLevelLow() == null ? null : gpio.input("hot-level-low", wiring.hotLevelLow());
        } catch (RuntimeException e) {
            gpio.close();
            thermometer.close();
            throw e;
        }
        flow.onChange(on -> {
            if (on) {
                pulses.incrementAndGet();
                fire(Input.FLOW_PULSE, true);
            }
        });
        cup.onChange(on -> fire(Input.CUP, on));
        if (coldLow != null) {
            coldLow.onChange(on -> fire(Input.COLD_LEVEL, on));
        }
        if (hotLow != null) {
            hotLow.onChange(on -> fire(Input.HOT_LEVEL, on));
        }
        Runtime.getRuntime().addShutdownHook(closeOnExit);
    }

    private void fire(Input input, boolean active) {
        for (Listener l : listeners) {
            try {
                l.changed(input, active);
            } catch (RuntimeException e) {
                log.error("dispenser listener failed on {}", input, e);
            }
        }
    }

    @Override
    public void onInput(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void open(Tap tap) {
        if (closed) {
            throw new IllegalStateException("the dispenser is closed");
        }
        (tap == Tap.COLD ? hot : cold).set(false);
        (tap == Tap.COLD ? cold : hot).set(true);
    }

    @Override
    public void closeAll() {
        // not synchronized: an interlock must never wait behind anything
        for (DigitalOut valve : new DigitalOut[] {cold, hot}) {
            if (valve == null) {
                continue;
            }
            try {
                valve.set(false);
            } catch (RuntimeException e) {
                log.error("closing a valve failed", e);
            }
        }
    }

    @Override
    public Tap openTap() {
        return cold.isActive() ? Tap.COLD : hot.isActive() ? Tap.HOT : null;
    }

    @Override
    public long flowPulses() {
        return pulses.get();
    }

    @Override
    public boolean cupPresent() {
        return cup.isActive();
    }

    @Override
    public boolean levelLow(Tap tap) {
        DigitalIn in = tap == Tap.COLD ? coldLow : hotLow;
        return in != null && in.isActive();
    }

    @Override
    public boolean hasLevelSwitch(Tap tap) {
        return (tap == Tap.COLD ? coldLow : hotLow) != null;
    }

    @Override
    public Thermometer.Reading temperature() {
        return thermometer.latest();
    }

    /** The parts as they are; the pour logic above decides whether that is a fault. */
    @Override
    public DeviceStatus status() {
        if (closed) {
            return DispenserState.CLOSED.status(false, description + " is closed");
        }
        Tap open = openTap();
        String pouring = open == null ? "" : " (" + open.id() + " valve open)";
        boolean coldEmpty = levelLow(Tap.COLD);
        boolean hotEmpty = levelLow(Tap.HOT);
        if (coldEmpty && hotEmpty) {
            return DispenserState.LEVEL_LOW.status(false, description + ": both tanks low" + pouring);
        }
        if (coldEmpty || hotEmpty) {
            return DispenserState.LEVEL_LOW.status(true, description + ": " + (coldEmpty ? "cold" : "hot") + " tank low" + pouring);
        }
        // a pour is not a state change worth an event: it stays READY
        return DispenserState.READY.status(true, description + pouring);
    }

    /** Pin access for the simulated twin. */
    DigitalOut valveOutput(Tap tap) {
        return tap == Tap.COLD ? cold : hot;
    }

    DigitalIn flowInput() {
        return flow;
    }

    DigitalIn cupInput() {
        return cup;
    }

    DigitalIn levelInput(Tap tap) {
        return tap == Tap.COLD ? coldLow : hotLow;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closeAll();
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already exiting: the hook runs anyway
        }
        thermometer.close();
        gpio.close();
    }
}
