package vn.kiosk.printing;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.hw.printer.EscPos.Justify;
import vn.kiosk.hw.printer.Receipt;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.queue.TicketView;

/**
 * What goes on a ticket, top to bottom: centre, service, the big number, priority mark, issue
 * time, people ahead and estimated wait, where to go, a QR code and the footer. Vietnamese
 * first; English under it when configured. Fits 58 and 80 mm (long lines wrap). Few words and
 * no decoration: on printers that need Vietnamese as images every line costs about a kilobyte.
 */
public final class TicketLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final KioskConfig config;
    private final ServiceCatalog catalog;
    /**
     * "Where to go" by the counters it names: the configuration does not change while the kiosk
     * runs, and describing them anew was a twentieth of a ticket's CPU (TicketIssueBench's profile).
     */
    private final Map<List<String>, Optional<KioskConfig.Text>> whereByCounters = new ConcurrentHashMap<>();

    public TicketLayout(KioskConfig config, ServiceCatalog catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    public Receipt receipt(TicketView t) {
        boolean english = Boolean.TRUE.equals(config.printing().ticket().english());
        Receipt r = new Receipt();
        bilingual(r, config.site().name(), english, true);
        if (t.serviceName() != null) {
            bilingual(r, t.serviceName(), english, true);
        }
        r.line(t.number(), Justify.CENTER, 4, true);
        catalog.priority(t.priority()).ifPresent(p -> r.line("Ưu tiên: " + p.name().vi(), Justify.CENTER, 1, true));
        r.line(t.issuedAt().format(TIME), Justify.CENTER, 1, false);
        if (t.waitingAhead() > 0) {
            r.line("Trước bạn: " + t.waitingAhead() + " người, khoảng " + t.estimatedWaitMinutes() + " phút",
                    Justify.CENTER, 1, false);
            if (english) {
                r.line("Ahead of you: " + t.waitingAhead() + ", about " + t.estimatedWaitMinutes() + " min",
                        Justify.CENTER, 1, false);
            }
        }
        where(t).ifPresent(w -> bilingual(r, w, english, false));
        r.qr(qrData(t), 6);
        bilingual(r, config.printing().ticket().footer(), english, false);
        return r;
    }

    private static void bilingual(Receipt r, KioskConfig.Text text, boolean english, boolean boldVi) {
        r.line(text.vi(), Justify.CENTER, 1, boldVi);
        if (english) {
            r.line(text.en(), Justify.CENTER, 1, false);
        }
    }

    /** A sample ticket with every optional line (printer test, preview). */
    public Receipt sample() {
        return receipt(TicketPreview.sample(config, catalog));
    }

    /** The QR code's content: the configured template with the ticket's values. */
    public String qrData(TicketView t) {
        return config.printing().ticket().qr()
                .replace("{ticketId}", t.id())
                .replace("{number}", t.number())
                .replace("{site}", config.site().id())
                .replace("{device}", config.device().id());
    }

    /** Where to go: the counter that called the ticket, else those that serve its service, with their location. */
    private Optional<KioskConfig.Text> where(TicketView t) {
        List<String> ids = t.counterId() != null ? List.of(t.counterId())
                : t.servingCounters() == null ? List.of() : List.copyOf(t.servingCounters());
        return whereByCounters.computeIfAbsent(ids, this::where);
    }

    private Optional<KioskConfig.Text> where(List<String> counterIds) {
        List<KioskConfig.Counter> counters = counterIds.stream().map(catalog::counter).flatMap(Optional::stream).toList();
        if (counters.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KioskConfig.Text(describe(counters, "Quầy", KioskConfig.Text::vi),
                describe(counters, "Counter", KioskConfig.Text::en)));
    }

    /** "Quầy 1, 2 - Tầng trệt, bên trái" when the counters share a location, else each with its own. */
    private static String describe(List<KioskConfig.Counter> counters, String word,
                                   java.util.function.Function<KioskConfig.Text, String> lang) {
        Set<String> locations = counters.stream().map(c -> lang.apply(c.location())).collect(Collectors.toCollection(LinkedHashSet::new));
        if (locations.size() == 1) {
            return word + " " + counters.stream().map(KioskConfig.Counter::id).collect(Collectors.joining(", "))
                    + " - " + locations.iterator().next();
        }
        return counters.stream().map(c -> lang.apply(c.name()) + " - " + lang.apply(c.location())).collect(Collectors.joining("; "));
    }
}
