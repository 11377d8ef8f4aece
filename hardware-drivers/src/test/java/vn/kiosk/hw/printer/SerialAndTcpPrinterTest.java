package vn.kiosk.hw.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.DeviceUrl;
import vn.kiosk.hw.testing.FakeSerialPrinter;
import vn.kiosk.hw.testing.PtyPair;
import vn.kiosk.hw.testing.Poll;

/** The driver over a real serial path (a socat pty pair) and over TCP, against a fake printer that answers status. */
class SerialAndTcpPrinterTest {

    private static final PrinterProfile PROFILE = new PrinterProfile("t", 576, true, 52, PrinterProfile.TextMode.CP1258);

    @TempDir
    Path dir;

    private static byte[] ticket(String qr) {
        return new ReceiptEncoder(PROFILE, null).encode(new Receipt()
                .line("Chứng thực bản sao", EscPos.Justify.CENTER, 1, true)
                .line("D007", EscPos.Justify.CENTER, 4, true)
                .qr(qr, 6));
    }

    @Test
    void serialPrinterPrintsReportsPaperAndCoverAndSurvivesUnplugging() throws Exception {
        Assumptions.assumeTrue(PtyPair.socatInstalled(), "socat is not installed (apt install socat)");
        try (PtyPair line = new PtyPair(dir).start()) {
            EscPosPrinter printer = Printers.open(DeviceUrl.parse("serial:" + line.host() + "?baud=115200"), PROFILE, null, null);
            FakeSerialPrinter fake = new FakeSerialPrinter(line.device(), new VirtualPrinter(576, 52, null, null));
            VirtualPrinter paper = fake.printer();

            // normal print
            printer.print(ticket("serial-1"));
            assertEquals(1, paper.pageCount());
            assertEquals("serial-1", PrintedQr.read(paper.lastPage()));
            assertEquals("READY", printer.status().state());

            // paper near end: prints, reports PAPER_LOW
            paper.setPaperNearEnd(true);
            printer.print(ticket("serial-2"));
            assertEquals(2, paper.pageCount());
            assertEquals("PAPER_LOW", printer.status().state());

            // paper out mid-ticket: the job fails, no ticket is cut
            paper.runOutOfPaperAfter(120);
            PrinterException out = assertThrows(PrinterException.class, () -> printer.print(ticket("serial-3")));
            assertEquals(PrinterState.PAPER_OUT, out.state());
            assertEquals(2, paper.pageCount());
            assertEquals("PAPER_OUT", printer.status().state());
            paper.setPaperOut(false);
            paper.setPaperNearEnd(false);

            // cover open
            paper.setCoverOpen(true);
            assertEquals("COVER_OPEN", printer.status().state());
            assertEquals(PrinterState.COVER_OPEN, assertThrows(PrinterException.class, () -> printer.print(ticket("x"))).state());
            paper.setCoverOpen(false);
            assertEquals("READY", printer.status().state());

            // unplug: offline; plug back: recovers by itself
            fake.close();
            line.unplug();
            assertEquals(PrinterState.OFFLINE, assertThrows(PrinterException.class, () -> printer.print(ticket("x"))).state());
            assertEquals("OFFLINE", printer.status().state());
            line.start();
            try (FakeSerialPrinter again = new FakeSerialPrinter(line.device(), new VirtualPrinter(576, 52, null, null))) {
                Poll.until(Duration.ofSeconds(10), "the printer back", () -> "READY".equals(printer.status().state()));
                printer.print(ticket("serial-4"));
                assertEquals(1, again.printer().pageCount());
                assertEquals("serial-4", PrintedQr.read(again.printer().lastPage()));
            }
            printer.close();
        }
    }

    @Test
    void usbPrinterDeviceFile() throws Exception {
        Assumptions.assumeTrue(PtyPair.socatInstalled(), "socat is not installed");
        // The kernel's /dev/usb/lp0 is a character device read and written like this pty end.
        try (PtyPair line = new PtyPair(dir).start();
             FakeSerialPrinter fake = new FakeSerialPrinter(line.device(), new VirtualPrinter(576, 52, null, null))) {
            EscPosPrinter printer = Printers.open(DeviceUrl.parse("usb:" + line.host()), PROFILE, null, null);
            printer.print(ticket("usb-1"));
            assertEquals("usb-1", PrintedQr.read(fake.printer().lastPage()));
            fake.printer().setCoverOpen(true);
            assertEquals("COVER_OPEN", printer.status().state());
            printer.close();
        }
    }

    @Test
    void networkPrinterOverTcp() throws Exception {
        VirtualPrinter paper = new VirtualPrinter(576, 52, null, null);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread printerSide = new Thread(() -> serve(server, paper), "fake-network-printer");
            printerSide.setDaemon(true);
            printerSide.start();
            EscPosPrinter printer = Printers.open(DeviceUrl.parse("tcp://127.0.0.1:" + server.getLocalPort()), PROFILE, null, null);
            printer.print(ticket("tcp-1"));
            assertEquals(1, paper.pageCount());
            assertEquals("tcp-1", PrintedQr.read(paper.lastPage()));
            paper.setPaperOut(true);
            assertEquals("PAPER_OUT", printer.status().state());
            printer.close();
        }
    }

    @Test
    void aPrinterThatIsNotThereIsOfflineWithAReason() {
        EscPosPrinter printer = Printers.open(DeviceUrl.parse("serial:" + dir.resolve("no-such-tty")), PROFILE, null, null);
        PrinterException e = assertThrows(PrinterException.class, () -> printer.print(ticket("x")));
        assertEquals(PrinterState.OFFLINE, e.state());
        assertTrue(e.getMessage().contains("cannot open"), e.getMessage());
        assertEquals("OFFLINE", printer.status().state());
    }

    @Test
    void fileTransportWritesTheBytesAndHasNoStatus() throws Exception {
        Path file = dir.resolve("out/printer.bin");
        EscPosPrinter printer = Printers.open(DeviceUrl.parse("file:" + file), PROFILE, null, null);
        byte[] job = ticket("file");
        printer.print(job);
        assertEquals(job.length, java.nio.file.Files.size(file));
        assertEquals("READY", printer.status().state());
    }

    @Test
    void urlsAreCheckedWithClearMessages() {
        assertThrows(IllegalArgumentException.class, () -> Printers.validate(DeviceUrl.parse("serial:/dev/ttyUSB0?baud=1234")));
        assertThrows(IllegalArgumentException.class, () -> Printers.validate(DeviceUrl.parse("serial:/dev/ttyUSB0?flow=magic")));
        assertThrows(IllegalArgumentException.class, () -> Printers.validate(DeviceUrl.parse("tcp:printer")));
        assertThrows(IllegalArgumentException.class, () -> Printers.validate(DeviceUrl.parse("usb:")));
        Printers.validate(DeviceUrl.parse("tcp://10.0.0.5:9100"));
        Printers.validate(DeviceUrl.parse("serial:/dev/ttyUSB0?baud=19200&flow=rtscts"));
    }

    private static void serve(ServerSocket server, VirtualPrinter paper) {
        try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            Thread replies = new Thread(() -> {
                try {
                    while (!s.isClosed()) {
                        int b = paper.readReply(100);
                        if (b >= 0) {
                            out.write(b);
                            out.flush();
                        }
                    }
                } catch (IOException | InterruptedException ignored) {
                    // connection closed
                }
            });
            replies.setDaemon(true);
            replies.start();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                paper.receive(Arrays.copyOf(buf, n));
            }
        } catch (IOException ignored) {
            // test over
        }
    }
}
