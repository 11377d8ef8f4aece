package vn.kiosk.printing;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.devices.DeviceFactory;
import vn.kiosk.hw.printer.EscPosPrinter;
import vn.kiosk.hw.printer.PngWriter;
import vn.kiosk.hw.printer.PrinterProfile;
import vn.kiosk.hw.printer.ReceiptEncoder;
import vn.kiosk.hw.printer.SimulatedTransport;
import vn.kiosk.hw.printer.TextRasterizer;
import vn.kiosk.hw.printer.VirtualPrinter;
import vn.kiosk.queue.Channel;
import vn.kiosk.queue.PrintState;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.queue.TicketStatus;
import vn.kiosk.queue.TicketView;

/**
 * A sample ticket printed on the virtual printer with a given profile, as a PNG: a technician sees
 * the layout, the code page and the paper width without wasting paper. The bytes take the same
 * path as a real ticket's (layout, encoder, ESC/POS), so what the picture shows is what is sent.
 */
public final class TicketPreview {

    public record Result(byte[] png, int bytesSent, PrinterProfile profile) { }

    private TicketPreview() { }

    public static Result render(KioskConfig config, String profileName) throws IOException {
        KioskConfig.Printing p = config.printing();
        String name = profileName == null ? p.profile() : profileName;
        KioskConfig.PrinterProfileConfig c = p.profiles().get(name);
        if (c == null) {
            throw new IllegalArgumentException("no printer profile '" + name + "'; configured: " + p.profiles().keySet());
        }
        PrinterProfile profile = new PrinterProfile(name, c.paperWidthDots(), c.nativeQr(), c.codePage(),
                PrinterProfile.TextMode.parse(c.textMode()));
        ServiceCatalog catalog = new ServiceCatalog(config);
        TextRasterizer font = TextRasterizer.load(DeviceFactory.fontFile(config));
        byte[] job = new ReceiptEncoder(profile, font).encode(new TicketLayout(config, catalog).receipt(sample(config, catalog)));
        VirtualPrinter paper = new VirtualPrinter(profile.paperWidthDots(), profile.codePage(), null, DeviceFactory.fontFile(config));
        try (EscPosPrinter printer = new EscPosPrinter(new SimulatedTransport(paper), 500)) {
            printer.print(job);
        }
        return new Result(PngWriter.png(paper.lastPage()), job.length, profile);
    }

    /** A ticket with the longest Vietnamese service name and every optional line. */
    static TicketView sample(KioskConfig config, ServiceCatalog catalog) {
        KioskConfig.Service s = catalog.services().stream()
                .max((a, b) -> Integer.compare(a.name().vi().length(), b.name().vi().length())).orElseThrow();
        String priority = catalog.priorities().isEmpty() ? null : catalog.priorities().get(0).id();
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of(config.timeZone()));
        return new TicketView("3f2c1e9a-7b4d-4e8f-9a1b-2c3d4e5f6a7b", s.prefix() + "012", s.id(), s.name(), priority,
                Channel.TOUCHSCREEN, TicketStatus.ISSUED, now.toLocalDate().toString(), now, null, null, null, null, null,
                List.copyOf(s.counters()), 0, 4, 24, false, PrintState.PENDING, null);
    }
}
