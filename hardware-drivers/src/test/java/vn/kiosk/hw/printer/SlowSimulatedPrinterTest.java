package vn.kiosk.hw.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.kiosk.hw.DeviceUrl;

/** The simulated printer can take its time per ticket (sim:?printMillis=), as a slow real one does. */
class SlowSimulatedPrinterTest {

    private static final PrinterProfile PROFILE = new PrinterProfile("test", 576, true, 52, PrinterProfile.TextMode.CP1258);

    @Test
    void eachJobTakesThePrintTimeWhileStatusStaysInstant() throws Exception {
        EscPosPrinter printer = Printers.open(DeviceUrl.parse("sim:?printMillis=400"), PROFILE, null, null);
        SimulatedTransport sim = (SimulatedTransport) printer.transport();
        byte[] job = new ReceiptEncoder(PROFILE, null).encode(new Receipt().line("A001", EscPos.Justify.CENTER, 4, true));

        long t0 = System.nanoTime();
        assertEquals("READY", printer.status().state());
        long statusMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(statusMillis < 300, "status took " + statusMillis + " ms");

        t0 = System.nanoTime();
        printer.print(job);
        long printMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(printMillis >= 400 && printMillis < 2_000, "a job took " + printMillis + " ms");
        assertEquals(1, sim.printer().pageCount());

        sim.setPrintMillis(0);
        t0 = System.nanoTime();
        printer.print(job);
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 300, "printMillis 0 prints at once");
        assertEquals(2, sim.printer().pageCount());
    }

    @Test
    void thePrintTimeIsChecked() {
        Printers.validate(DeviceUrl.parse("sim:?printMillis=2000"));
        assertThrows(IllegalArgumentException.class, () -> Printers.validate(DeviceUrl.parse("sim:?printMillis=-1")));
        assertThrows(IllegalArgumentException.class, () -> Printers.validate(DeviceUrl.parse("sim:?printMillis=soon")));
        assertThrows(IllegalArgumentException.class, () -> Printers.validate(DeviceUrl.parse("sim:?speed=2")));
    }
}
