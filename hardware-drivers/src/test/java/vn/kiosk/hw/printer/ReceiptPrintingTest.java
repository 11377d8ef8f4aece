package vn.kiosk.hw.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receipt → ESC/POS → the driver → the virtual printer → PNG, read back with ZXing. */
class ReceiptPrintingTest {

    @TempDir
    Path dir;

    private static Receipt sample(String qr) {
        return new Receipt()
                .line("Trung tâm Phục vụ hành chính công", EscPos.Justify.CENTER, 1, true)
                .line("Trả kết quả", EscPos.Justify.CENTER, 2, false)
                .line("K012", EscPos.Justify.CENTER, 4, true)
                .qr(qr, 6)
                .line("Xin cảm ơn!", EscPos.Justify.CENTER, 1, false);
    }

    @Test
    void eachTextModeAndQrKindComesOutReadable() throws Exception {
        TextRasterizer font = TextRasterizer.load(null);
        for (PrinterProfile.TextMode mode : PrinterProfile.TextMode.values()) {
            for (boolean nativeQr : new boolean[] {true, false}) {
                PrinterProfile profile = new PrinterProfile("t", 576, nativeQr, 52, mode);
                VirtualPrinter vp = new VirtualPrinter(576, 52, dir.resolve(mode + "-" + nativeQr), null);
                EscPosPrinter printer = new EscPosPrinter(new SimulatedTransport(vp), 500);
                String id = "3f2c1e9a-" + mode + "-" + nativeQr;
                printer.print(new ReceiptEncoder(profile, font).encode(sample(id)));
                assertEquals(1, vp.pageCount(), mode + "/" + nativeQr);
                BufferedImage page = vp.lastPage();
                assertEquals(576, page.getWidth());
                assertEquals(id, PrintedQr.read(page), "QR of " + mode + ", native " + nativeQr);
                assertTrue(dir.resolve(mode + "-" + nativeQr).resolve("ticket-000001.png").toFile().isFile());
                assertEquals("READY", printer.status().state());
            }
        }
    }

    @Test
    void fits58mmPaper() throws Exception {
        PrinterProfile profile = new PrinterProfile("58", 384, true, 94, PrinterProfile.TextMode.CP1258);
        VirtualPrinter vp = new VirtualPrinter(384, 94, null, null);
        new EscPosPrinter(new SimulatedTransport(vp), 500).print(new ReceiptEncoder(profile, null).encode(sample("abc")));
        assertEquals(384, vp.lastPage().getWidth());
        assertEquals("abc", PrintedQr.read(vp.lastPage()));
    }

    /** The encoder keeps lines it has encoded: a receipt's bytes are the same from a used encoder as from a new one. */
    @Test
    void anEncoderThatKeepsLinesEncodesEachReceiptAsANewOneWould() {
        for (PrinterProfile.TextMode mode : PrinterProfile.TextMode.values()) {
            if (mode == PrinterProfile.TextMode.RASTER) {
                continue; // needs a font; its Vietnamese lines are images, not kept
            }
            PrinterProfile profile = new PrinterProfile("t", 576, true, 52, mode);
            ReceiptEncoder used = new ReceiptEncoder(profile, null);
            for (int i = 0; i < 300; i++) { // more lines than it keeps, so it also starts over
                Receipt r = new Receipt().line("Phường Bến Thành").line("Số " + i + ": Hộ tịch").line("Đất đai " + (i % 7));
                assertArrayEquals(new ReceiptEncoder(profile, null).encode(r), used.encode(r), mode + ", receipt " + i);
            }
        }
    }

    @Test
    void longLinesWrapAtWordsWithinTheColumns() {
        assertEquals(java.util.List.of("Hỗ trợ dịch", "vụ công"), ReceiptEncoder.wrap("Hỗ trợ dịch vụ công", 11));
        assertEquals(java.util.List.of("abcde", "fgh"), ReceiptEncoder.wrap("abcdefgh", 5));
    }

    @Test
    void paperOutBeforePrintingPrintsNothingAndSaysSo() throws Exception {
        VirtualPrinter vp = new VirtualPrinter(576, 52, null, null);
        EscPosPrinter printer = new EscPosPrinter(new SimulatedTransport(vp), 500);
        vp.setPaperOut(true);
        PrinterException e = assertThrows(PrinterException.class, () -> printer.print(ticket()));
        assertEquals(PrinterState.PAPER_OUT, e.state());
        assertEquals(0, vp.pageCount());
        assertEquals("PAPER_OUT", printer.status().state());
        vp.setPaperOut(false);
        assertEquals("READY", printer.status().state());
        printer.print(ticket());
        assertEquals(1, vp.pageCount());
    }

    @Test
    void paperRunningOutMidTicketIsAFailedPrintNotAPrintedOne() throws Exception {
        VirtualPrinter vp = new VirtualPrinter(576, 52, null, null);
        EscPosPrinter printer = new EscPosPrinter(new SimulatedTransport(vp), 500);
        vp.runOutOfPaperAfter(100); // a few lines into the ticket
        long t0 = System.nanoTime();
        PrinterException e = assertThrows(PrinterException.class, () -> printer.print(ticket()));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2_000, "known at once, not at a deadline");
        assertEquals(PrinterState.PAPER_OUT, e.state());
        assertEquals(0, vp.pageCount(), "the ticket was never cut");
    }

    @Test
    void nearEndStillPrintsAndReportsPaperLow() throws Exception {
        VirtualPrinter vp = new VirtualPrinter(576, 52, null, null);
        EscPosPrinter printer = new EscPosPrinter(new SimulatedTransport(vp), 500);
        vp.setPaperNearEnd(true);
        printer.print(ticket());
        assertEquals(1, vp.pageCount());
        var status = printer.status();
        assertEquals("PAPER_LOW", status.state());
        assertTrue(status.ok());
    }

    @Test
    void coverOpenAndCutterErrorAreReported() throws Exception {
        VirtualPrinter vp = new VirtualPrinter(576, 52, null, null);
        EscPosPrinter printer = new EscPosPrinter(new SimulatedTransport(vp), 500);
        vp.setCoverOpen(true);
        assertEquals(PrinterState.COVER_OPEN, assertThrows(PrinterException.class, () -> printer.print(ticket())).state());
        vp.setCoverOpen(false);
        vp.setCutterError(true);
        assertEquals("CUTTER_ERROR", printer.status().state());
    }

    @Test
    void unpluggedIsOfflineAndPluggingBackRecovers() throws Exception {
        VirtualPrinter vp = new VirtualPrinter(576, 52, null, null);
        SimulatedTransport wire = new SimulatedTransport(vp);
        EscPosPrinter printer = new EscPosPrinter(wire, 500);
        printer.print(ticket());
        wire.setPlugged(false);
        assertEquals(PrinterState.OFFLINE, assertThrows(PrinterException.class, () -> printer.print(ticket())).state());
        assertEquals("OFFLINE", printer.status().state());
        wire.setPlugged(true);
        printer.print(ticket()); // reconnects by itself
        assertEquals(2, vp.pageCount());
    }

    @Test
    void statusBytesInsideRasterDataAreNotMistakenForReplies() throws Exception {
        // An image whose rows contain 10 04 02: the printer answers it mid-stream.
        MonoBitmap tricky = new MonoBitmap(24, 4, new byte[] {0x10, 0x04, 0x02, 0x10, 0x04, 0x04, 0x10, 0x04, 0x01,
                0x10, 0x04, 0x03});
        VirtualPrinter vp = new VirtualPrinter(576, 52, null, null);
        EscPosPrinter printer = new EscPosPrinter(new SimulatedTransport(vp), 500);
        vp.setPaperNearEnd(true); // stray replies then carry near-end bits the confirmation must not confuse
        byte[] job = new EscPos().initialize().raster(tricky).feedAndPartialCut(0).bytes();
        printer.print(job);
        assertEquals(1, vp.pageCount());
        assertNotNull(vp.lastPage());
    }

    private static byte[] ticket() {
        return new ReceiptEncoder(new PrinterProfile("t", 576, true, 52, PrinterProfile.TextMode.CP1258), null)
                .encode(sample("x"));
    }
}
