package vn.kiosk.hw.dispenser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.kiosk.hw.io.PinSpec;

/** The GPIO driver on Pi4J's mock platform, driven by the simulated water. */
class SimulatedDispenserTest {

    static final DispenserWiring WIRING = new DispenserWiring(PinSpec.output(17, true), PinSpec.output(27, false),
            new PinSpec(22, true, 1000), new PinSpec(23, false, 30_000), new PinSpec(24, false, 50_000),
            new PinSpec(25, false, 50_000), null, Duration.ofSeconds(10));

    SimulatedDispenser d;

    @AfterEach
    void close() {
        if (d != null) {
            d.close();
        }
    }

    static void until(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + millis + " ms: " + what);
            }
            Thread.sleep(1);
        }
    }

    @Test
    void valvesStartClosedAndNeverBothOpen() {
        d = new SimulatedDispenser(WIRING, 1500, 450, 90.0);
        assertNull(d.openTap());
        assertFalse(d.valveOpen(Tap.COLD));
        assertFalse(d.valveOpen(Tap.HOT));
        d.open(Tap.COLD);
        assertTrue(d.valveOpen(Tap.COLD));
        d.open(Tap.HOT);
        assertFalse(d.valveOpen(Tap.COLD), "opening hot closes cold");
        assertTrue(d.valveOpen(Tap.HOT));
        assertEquals(Tap.HOT, d.openTap());
        d.closeAll();
        assertNull(d.openTap());
    }

    @Test
    void flowMeterCountsThePulsesOfTheWaterThatRuns() throws InterruptedException {
        d = new SimulatedDispenser(WIRING, 6000, 450, 90.0); // 100 ml/s
        d.open(Tap.COLD);
        until(() -> d.deliveredMl() >= 200, 5000, "200 ml delivered");
        d.closeAll();
        double ml = d.deliveredMl();
        long pulses = d.flowPulses();
        assertEquals(ml * 0.450, pulses, 1.0, "pulses for " + ml + " ml at 450/L");
        long after = d.flowPulses();
        Thread.sleep(50); // a window in which nothing may happen: the valve is closed
        assertEquals(after, d.flowPulses(), "no flow once closed");
    }

    @Test
    void listenersHearCupLevelAndFlow() throws InterruptedException {
        d = new SimulatedDispenser(WIRING, 1500, 450, 90.0);
        List<String> heard = new CopyOnWriteArrayList<>();
        d.onInput((input, active) -> heard.add(input + "=" + active));
        assertTrue(d.cupPresent(), "the cup is present by default");
        d.removeCup();
        assertFalse(d.cupPresent());
        d.setLevelLow(Tap.HOT, true);
        assertTrue(d.levelLow(Tap.HOT));
        assertFalse(d.levelLow(Tap.COLD));
        assertEquals(List.of("CUP=false", "HOT_LEVEL=true"), heard);
        d.open(Tap.COLD);
        until(() -> heard.contains("FLOW_PULSE=true"), 2000, "a flow pulse");
        assertTrue(d.status().detail().contains("cold valve open"), d.status().detail());
        d.closeAll();
        assertEquals("LEVEL_LOW", d.status().state());
    }

    @Test
    void theHotTankThermometerCanBeUnplugged() {
        d = new SimulatedDispenser(WIRING, 1500, 450, 90.0);
        assertEquals(90.0, d.temperature().celsius());
        d.setHotCelsius(null);
        assertNull(d.temperature().celsius());
        assertTrue(d.temperature().problem().contains("unplugged"), d.temperature().problem());
    }

    @Test
    void stuckValveKeepsFlowingAfterClose() throws InterruptedException {
        d = new SimulatedDispenser(WIRING, 3000, 450, 90.0);
        d.setStuckOpen(true);
        long before = d.flowPulses();
        until(() -> d.flowPulses() > before + 5, 2000, "pulses from a stuck valve");
    }

    @Test
    void closeAndTheExitHookCloseTheValves() {
        d = new SimulatedDispenser(WIRING, 1500, 450, 90.0);
        d.open(Tap.HOT);
        d.runShutdownHookAction();
        assertFalse(d.valveOpen(Tap.HOT));
        d.open(Tap.COLD);
        d.close();
        assertFalse(d.valveOpen(Tap.COLD));
        assertEquals("CLOSED", d.status().state());
    }
}
