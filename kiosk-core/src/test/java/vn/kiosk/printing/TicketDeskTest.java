package vn.kiosk.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.devices.DeviceFactory;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.hw.printer.EscPosPrinter;
import vn.kiosk.hw.printer.PrinterProfile;
import vn.kiosk.hw.printer.ReceiptEncoder;
import vn.kiosk.hw.printer.SimulatedTransport;
import vn.kiosk.hw.printer.TextRasterizer;
import vn.kiosk.hw.printer.ThermalPrinter;
import vn.kiosk.hw.printer.VirtualPrinter;
import vn.kiosk.json.Json;
import vn.kiosk.maintenance.MaintenanceMode;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.queue.Channel;
import vn.kiosk.queue.IssueRequest;
import vn.kiosk.queue.OpeningHours;
import vn.kiosk.queue.PrintOutcomes;
import vn.kiosk.queue.PrintState;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.queue.TicketIssuer;
import vn.kiosk.queue.TicketView;
import vn.kiosk.storage.Database;
import vn.kiosk.testing.TestConfigs;

/**
 * The desk needs of the queue only its two ports (issue and read a ticket; record print outcomes):
 * a hand-written queue stands in and records what the desk asked, on which thread. The printer is
 * the real ESC/POS driver on the simulated cable.
 */
class TicketDeskTest {

    @TempDir
    Path dir;
    private KioskConfig config;
    private ServiceCatalog catalog;
    private Database db;
    private TicketDesk desk;
    private EscPosPrinter printer;
    private VirtualPrinter paper;
    private final RecordingQueue queue = new RecordingQueue();

    @BeforeEach
    void open() throws Exception {
        config = TestConfigs.load(dir, "{}");
        catalog = new ServiceCatalog(config);
        Files.createDirectories(config.dataPath());
        db = Database.open(config.dataPath().resolve("kiosk.db"));
        PrinterProfile profile = DeviceFactory.printerProfile(config);
        paper = new VirtualPrinter(profile.paperWidthDots(), profile.codePage(), null, DeviceFactory.fontFile(config));
        printer = new EscPosPrinter(new SimulatedTransport(paper), 500);
    }

    @AfterEach
    void close() {
        if (desk != null) {
            desk.close();
        }
        printer.close();
        db.close();
    }

    @Test
    void aPrintedTicketIsRecordedThroughThePortOnThePrinterThread() throws Exception {
        desk = desk(printer);
        TicketView t = desk.issue(IssueRequest.of(serviceId(), null, Channel.ROBOT).withRequestId("r-1"));
        assertEquals(PrintState.PRINTED, t.printState());
        assertEquals(List.of("issue " + serviceId() + " r-1 willPrint=true", "printed " + t.id() + " on printer"),
                queue.calls);
        assertEquals(1, paper.pageCount());
    }

    @Test
    void aFailedPrintIsRecordedWithThePrinterState() throws Exception {
        paper.setPaperOut(true);
        desk = desk(printer);
        TicketView t = desk.issue(IssueRequest.of(serviceId(), null, Channel.ROBOT));
        assertEquals(PrintState.FAILED, t.printState());
        assertEquals(2, queue.calls.size(), queue.calls.toString());
        assertTrue(queue.calls.get(1).startsWith("failed " + t.id() + " PAPER_OUT on printer"), queue.calls.toString());
    }

    @Test
    void aKioskWithoutAPrinterAsksForNoPaperAndRecordsNoOutcome() throws Exception {
        desk = desk(null);
        TicketView t = desk.issue(IssueRequest.of(serviceId(), null, Channel.ROBOT));
        assertEquals(PrintState.NONE, t.printState());
        assertEquals(List.of("issue " + serviceId() + " null willPrint=false"), queue.calls);
    }

    private TicketDesk desk(ThermalPrinter p) throws Exception {
        PrinterProfile profile = DeviceFactory.printerProfile(config);
        TextRasterizer font = profile.textMode() == PrinterProfile.TextMode.RASTER
                ? TextRasterizer.load(DeviceFactory.fontFile(config)) : null;
        Clock clock = Clock.systemUTC();
        return new TicketDesk(queue, queue, new MaintenanceMode(db, new Outbox(Json.newMapper()), new KioskEvents(), clock),
                new OpeningHours(config, clock), p, new ReceiptEncoder(profile, font), new TicketLayout(config, catalog),
                5_000, () -> { });
    }

    private String serviceId() {
        return catalog.services().get(0).id();
    }

    /** One ticket in memory; each call is written down with the thread that made it. */
    private final class RecordingQueue implements TicketIssuer, PrintOutcomes {

        final List<String> calls = new CopyOnWriteArrayList<>();
        private volatile TicketView ticket;

        @Override
        public Issue issue(IssueRequest request) {
            calls.add("issue " + request.serviceId() + " " + request.requestId() + " willPrint=" + request.willPrint());
            ticket = with(request.willPrint() ? PrintState.PENDING : PrintState.NONE, null);
            return new Issue(ticket, true);
        }

        @Override
        public TicketView ticket(String id) {
            return ticket;
        }

        @Override
        public TicketView markPending(String id) {
            calls.add("pending " + id + " on " + Thread.currentThread().getName());
            return ticket = with(PrintState.PENDING, null);
        }

        @Override
        public void markPrinted(String id) {
            calls.add("printed " + id + " on " + Thread.currentThread().getName());
            ticket = with(PrintState.PRINTED, null);
        }

        @Override
        public void markFailed(String id, String printerState, String error) {
            calls.add("failed " + id + " " + printerState + " on " + Thread.currentThread().getName());
            ticket = with(PrintState.FAILED, error);
        }

        private TicketView with(PrintState state, String error) {
            TicketView s = TicketPreview.sample(config, catalog);
            return new TicketView(s.id(), s.number(), s.serviceId(), s.serviceName(), s.priority(), s.channel(),
                    s.status(), s.businessDay(), s.issuedAt(), s.calledAt(), s.finishedAt(), s.counterId(),
                    s.counterName(), s.counterLocation(), s.servingCounters(), s.callCount(), s.waitingAhead(),
                    s.estimatedWaitMinutes(), state == PrintState.PRINTED, state, error);
        }
    }
}
