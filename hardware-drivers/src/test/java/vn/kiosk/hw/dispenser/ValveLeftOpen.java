package vn.kiosk.hw.dispenser;

import java.nio.file.Path;

/**
 * A process that opens the cold valve of a simulated dispenser (line levels in {@code args[0]})
 * and ends without closing it: {@code exit} (System.exit, so shutdown hooks run) or {@code halt}
 * (Runtime.halt, as kill -9: no hook runs).
 */
public final class ValveLeftOpen {

    private ValveLeftOpen() { }

    public static void main(String[] args) {
        SimulatedDispenser d = new SimulatedDispenser(SimulatedDispenserTest.WIRING, 1500, 450, 90.0, Path.of(args[0]));
        d.open(Tap.COLD);
        System.out.println("cold valve open: " + d.valveOpen(Tap.COLD));
        System.out.flush();
        if ("halt".equals(args[1])) {
            Runtime.getRuntime().halt(0);
        }
        System.exit(0);
    }
}
