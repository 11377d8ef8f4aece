package vn.kiosk.bench;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import vn.kiosk.config.ConfigLoader;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.hw.printer.EscPosPrinter;
import vn.kiosk.hw.printer.PrinterProfile;
import vn.kiosk.hw.printer.Receipt;
import vn.kiosk.hw.printer.ReceiptEncoder;
import vn.kiosk.hw.printer.SimulatedTransport;
import vn.kiosk.hw.printer.TextRasterizer;
import vn.kiosk.hw.printer.VirtualPrinter;
import vn.kiosk.printing.TicketLayout;
import vn.kiosk.queue.Channel;
import vn.kiosk.queue.PrintState;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.queue.TicketStatus;
import vn.kiosk.queue.TicketView;

/**
 * Benchmark (not a test): bytes on the wire and wire time at 9600 / 19200 / 115200 baud (8N1) for
 * a ticket whose service name is Vietnamese, in each text mode, and the time to encode a ticket
 * and to render it on the virtual printer. Run with scripts/bench.
 */
public final class TicketPrintBench {

    public static void main(String[] args) throws Exception {
        KioskConfig config = new ConfigLoader().load(null, Map.of("KIOSK_DATA_DIR", Path.of("target/bench-data").toString()));
        ServiceCatalog catalog = new ServiceCatalog(config);
        TicketLayout layout = new TicketLayout(config, catalog);
        TextRasterizer font = TextRasterizer.load(null);
        System.out.println("ticket print: bytes and wire time (8N1) per text mode, 80 mm paper");
        System.out.printf("%-28s %8s %9s %9s %9s %11s %11s%n", "ticket / mode", "bytes", "9600", "19200", "115200",
                "encode", "render");
        for (String service : List.of("land", "civil-status")) {
            TicketView t = ticket(config, catalog, service, service.equals("civil-status") ? "elderly" : null);
            Receipt receipt = layout.receipt(t);
            for (var mode : PrinterProfile.TextMode.values()) {
                for (boolean nativeQr : new boolean[] {true, false}) {
                    PrinterProfile profile = new PrinterProfile("bench", 576, nativeQr, 52, mode);
                    ReceiptEncoder encoder = new ReceiptEncoder(profile, font);
                    byte[] job = encoder.encode(receipt);
                    for (int i = 0; i < 50; i++) {
                        encoder.encode(layout.receipt(t)); // warm-up
                    }
                    int n = 300;
                    long t0 = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        encoder.encode(layout.receipt(t));
                    }
                    double encodeMs = (System.nanoTime() - t0) / 1e6 / n;
                    VirtualPrinter paper = new VirtualPrinter(576, 52, null, null);
                    EscPosPrinter printer = new EscPosPrinter(new SimulatedTransport(paper), 500);
                    for (int i = 0; i < 5; i++) {
                        printer.print(job);
                    }
                    int m = 30;
                    long r0 = System.nanoTime();
                    for (int i = 0; i < m; i++) {
                        printer.print(job);
                    }
                    double renderMs = (System.nanoTime() - r0) / 1e6 / m;
                    System.out.printf("%-28s %8d %8.2fs %8.2fs %8.3fs %9.3fms %9.2fms%n",
                            service + " / " + mode.id() + (nativeQr ? "" : " +imgQR"), job.length,
                            wire(job.length, 9600), wire(job.length, 19200), wire(job.length, 115200), encodeMs, renderMs);
                }
            }
        }
    }

    private static double wire(int bytes, int baud) {
        return bytes * 10.0 / baud;
    }

    private static TicketView ticket(KioskConfig config, ServiceCatalog catalog, String serviceId, String priority) {
        KioskConfig.Service s = catalog.service(serviceId).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of(config.timeZone()));
        return new TicketView("3f2c1e9a-7b4d-4e8f-9a1b-2c3d4e5f6a7b", s.prefix() + "012", s.id(), s.name(), priority,
                Channel.TOUCHSCREEN, TicketStatus.ISSUED, now.toLocalDate().toString(), now, null, null, null, null, null,
                List.copyOf(s.counters()), 0, 4, 24, false, PrintState.PENDING, null);
    }
}
