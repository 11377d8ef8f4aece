package vn.kiosk.hw.dispenser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.io.PinSpec;
import vn.kiosk.hw.testing.Poll;

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

    /**
     * A closed dispenser's water loop sleeps: it ticked every 2 ms whatever the valves did, some
     * 4 % of a core in a kiosk on simulated devices (the demo, every bench). The first second after
     * a pour is measured, so the loop has been ticking and must notice it can stop.
     */
    @Test
    void anIdleDispenserLeavesTheProcessorAlone() throws InterruptedException {
        d = new SimulatedDispenser(WIRING, 6000, 450, 90.0);
        d.open(Tap.COLD);
        Poll.until(Duration.ofSeconds(5), "water flowing", () -> d.deliveredMl() > 10);
        d.closeAll();
        long water = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("sim-dispenser-water"))
                .mapToLong(Thread::threadId).max().orElseThrow(); // this test's: the newest
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getThreadCpuTime(water);
        Thread.sleep(1000); // the window measured, not a wait for something
        long cpuMicros = (threads.getThreadCpuTime(water) - before) / 1000;
        assertTrue(cpuMicros < 5_000, "the idle water loop used " + cpuMicros + " µs of CPU in a second");
        double ml = d.deliveredMl();
        d.open(Tap.COLD);
        Poll.until(Duration.ofSeconds(5), "water again at once after the idle", () -> d.deliveredMl() > ml);
    }

    @Test
    void flowMeterCountsThePulsesOfTheWaterThatRuns() throws InterruptedException {
        d = new SimulatedDispenser(WIRING, 6000, 450, 90.0); // 100 ml/s
        d.open(Tap.COLD);
        Poll.until(Duration.ofMillis(5000), "200 ml delivered", () -> d.deliveredMl() >= 200);
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
        Poll.until(Duration.ofMillis(2000), "a flow pulse", () -> heard.contains("FLOW_PULSE=true"));
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
        Poll.until(Duration.ofMillis(2000), "pulses from a stuck valve", () -> d.flowPulses() > before + 5);
    }

    @Test
    void closeClosesTheValves() {
        d = new SimulatedDispenser(WIRING, 1500, 450, 90.0);
        d.open(Tap.COLD);
        d.close();
        assertFalse(d.valveOpen(Tap.COLD));
        assertEquals("CLOSED", d.status().state());
    }

    /**
     * In a JVM of its own, a valve left open: System.exit runs the exit hook, which closes it;
     * Runtime.halt (what kill -9 is to the JVM) runs nothing, and the line stays open, as a real
     * relay line would, until the next start closes it before anything else.
     */
    @Test
    void theExitHookClosesAValveWhenTheJvmExitsAndTheNextStartClosesOneLeftByAKill(@TempDir Path dir) throws Exception {
        Path levels = dir.resolve("lines.properties");
        assertEquals("cold valve open: true", runValveLeftOpen(levels, "exit"));
        assertFalse(active(levels, "cold-valve"), "System.exit ran the hook, which closed the valve");

        assertEquals("cold valve open: true", runValveLeftOpen(levels, "halt"));
        assertTrue(active(levels, "cold-valve"), "no hook runs on a halt: the line is left open (the hazard is real)");

        d = new SimulatedDispenser(WIRING, 1500, 450, 90.0, levels);
        assertFalse(d.valveOpen(Tap.COLD), "the next start closed it");
        assertFalse(active(levels, "cold-valve"));
    }

    private static String runValveLeftOpen(Path levels, String how) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ValveLeftOpen.class.getName(),
                levels.toString(), how).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child JVM ended");
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> l.startsWith("cold valve open")).findFirst().orElse(out);
    }

    private static boolean active(Path levels, String line) throws Exception {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(levels)) {
            p.load(r);
        }
        return "active".equals(p.getProperty(line));
    }
}
