package vn.kiosk.hw.io;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that touches Pi4J (3.0.x: GpioD for real lines, which works on a Pi 5 without
 * root; the mock platform for the simulated twins). Pi4J 4 drops these providers, so it stays
 * behind {@link DigitalIn} and {@link DigitalOut}.
 */
public final class Gpio implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Gpio.class);

    private final Context pi4j;
    private final LineLevels levels; // simulated twin only: output levels that outlive the process
    private final java.util.List<Runnable> atShutdown = new java.util.ArrayList<>();
    private boolean closed;

    private Gpio(Context pi4j, LineLevels levels) {
        this.pi4j = pi4j;
        this.levels = levels;
    }

    /** The Pi's GPIO chip through libgpiod (the kiosk user must be in group gpio). */
    public static Gpio gpiod() {
        return new Gpio(Pi4J.newContextBuilder()
                .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance())
                .build(), null);
    }

    /** Pi4J's mock platform: lines in memory, inputs driven by {@link SimulatedIn#simulate}. */
    public static Gpio mock() {
        return mock(null);
    }

    /**
     * The mock platform whose outputs keep their levels in {@code levelsFile} across processes, as
     * real lines do: an output starts where the last process left it (a kill -9 mid-pour leaves a
     * valve open) until the driver drives it. Null: levels in memory only.
     */
    public static Gpio mock(java.nio.file.Path levelsFile) {
        // autoDetectMockPlugins() alone does not register the providers (GUIDE §2)
        return new Gpio(Pi4J.newContextBuilder()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build(), levelsFile == null ? null : new LineLevels(levelsFile));
    }

    /** An output that starts inactive and is left inactive when Pi4J shuts down. */
    public DigitalOut output(String id, PinSpec pin) {
        DigitalState active = pin.activeHigh() ? DigitalState.HIGH : DigitalState.LOW;
        DigitalState inactive = pin.activeHigh() ? DigitalState.LOW : DigitalState.HIGH;
        boolean leftActive = levels != null && levels.wasActive(id);
        DigitalOutput out = pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id).name(id).address(pin.bcm())
                .initial(leftActive ? active : inactive).shutdown(inactive).build());
        if (levels != null) {
            atShutdown.add(() -> levels.record(id, false)); // Pi4J's shutdown level
        }
        return new DigitalOut() {
            @Override
            public void set(boolean on) {
                out.state(on ? active : inactive);
                if (levels != null) {
                    levels.record(id, on);
                }
            }

            @Override
            public boolean isActive() {
                return out.state() == active;
            }
        };
    }

    /**
     * An input, pulled towards its inactive level so a broken wire reads as inactive. On the mock
     * platform it is a {@link SimulatedIn}.
     */
    public DigitalIn input(String id, PinSpec pin) {
        DigitalInput in = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(id).name(id).address(pin.bcm())
                .pull(pin.activeHigh() ? PullResistance.PULL_DOWN : PullResistance.PULL_UP)
                .debounce(pin.debounceMicros()).build());
        if (in instanceof MockDigitalInput m) {
            // the mock starts LOW whatever the pull: start it inactive, as the pull would
            m.mockState(pin.activeHigh() ? DigitalState.LOW : DigitalState.HIGH);
            return new MockIn(id, pin, m);
        }
        return new Line(id, pin, in);
    }

    /** A Pi4J input in terms of what it means. */
    private static class Line implements DigitalIn {
        final String id;
        final DigitalState active;
        final DigitalInput in;

        Line(String id, PinSpec pin, DigitalInput in) {
            this.id = id;
            this.active = pin.activeHigh() ? DigitalState.HIGH : DigitalState.LOW;
            this.in = in;
        }

        @Override
        public boolean isActive() {
            return in.state() == active;
        }

        @Override
        public void onChange(Consumer<Boolean> listener) {
            in.addListener(e -> {
                try {
                    listener.accept(e.state() == active);
                } catch (RuntimeException ex) {
                    // Pi4J's event manager would swallow it silently
                    log.error("listener on {} failed", id, ex);
                }
            });
        }
    }

    private static final class MockIn extends Line implements SimulatedIn {
        private final MockDigitalInput mock;

        MockIn(String id, PinSpec pin, MockDigitalInput mock) {
            super(id, pin, mock);
            this.mock = mock;
        }

        @Override
        public void simulate(boolean on) {
            mock.mockState(on ? active : active == DigitalState.HIGH ? DigitalState.LOW : DigitalState.HIGH);
        }
    }

    /** Releases every line; outputs go to their shutdown (inactive) level first. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            pi4j.shutdown();
            atShutdown.forEach(Runnable::run);
        } catch (RuntimeException e) {
            log.warn("releasing the GPIO lines failed", e);
        }
    }
}
