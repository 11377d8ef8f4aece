package vn.kiosk.scanning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.hw.scanner.ScanListener;
import vn.kiosk.problem.Problem;
import vn.kiosk.queue.QueueService;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.queue.TicketView;

/**
 * From a scanner's raw code to what the touchscreen shows: an ID card starts the citizen's session
 * and may offer elderly priority; a dossier receipt routes to the return-of-results service; this
 * kiosk's ticket shows its status; anything else gets a clear "not recognised". The UI event holds
 * no personal data: for an ID card only the masked number and the priority it qualifies for.
 */
public final class ScanService implements ScanListener {

    private static final Logger log = LoggerFactory.getLogger(ScanService.class);

    private final QrCodeParser parser;
    private final CitizenSession session;
    private final QueueService queue;
    private final ServiceCatalog catalog;
    private final String dossierServiceId;
    private final Consumer<Map<String, Object>> ui;
    private final Clock clock;
    private final ZoneId zone;

    public ScanService(QrCodeParser parser, CitizenSession session, QueueService queue, ServiceCatalog catalog,
                       String dossierServiceId, Consumer<Map<String, Object>> ui, Clock clock, ZoneId zone) {
        this.parser = parser;
        this.session = session;
        this.queue = queue;
        this.catalog = catalog;
        this.dossierServiceId = dossierServiceId;
        this.ui = ui;
        this.clock = clock;
        this.zone = zone;
    }

    /** Called on the scanner's thread for each accepted code. */
    @Override
    public void onCode(String raw) {
        Map<String, Object> event;
        try {
            event = describe(parser.parse(raw));
        } catch (RuntimeException e) {
            // A parser bug. Its message may quote the code (an ID card): log where it failed, not what it said.
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            log.error("a scanned code of {} characters could not be handled: {} at {}", raw == null ? 0 : raw.length(),
                    e.getClass().getName(), at);
            event = unreadable();
        }
        log.info("scan: {}", event.get("kind"));
        ui.accept(event);
    }

    /** Input the scanner refused (too long, control characters): the citizen is asked to scan again. */
    @Override
    public void onUnreadable(String reason) {
        log.info("scan: unreadable ({})", reason);
        ui.accept(unreadable());
    }

    private static Map<String, Object> unreadable() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "scan");
        e.put("kind", "unreadable");
        e.put("message", Map.of("vi", "Không đọc được mã. Vui lòng quét lại.",
                "en", "The code could not be read. Please scan it again."));
        return e;
    }

    Map<String, Object> describe(ScannedCode code) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "scan");
        e.put("kind", code.kind());
        switch (code) {
            case ScannedCode.IdCard card -> {
                session.start(card.id());
                e.put("maskedId", card.id().masked());
                e.put("priorityOffer", priorityFor(card.id().age(LocalDate.now(clock.withZone(zone)))));
            }
            case ScannedCode.InvalidIdCard invalid -> {
                session.wipe();
                e.put("reason", invalid.reason());
                e.put("message", Map.of("vi", "Mã trên thẻ không hợp lệ. Vui lòng hỏi nhân viên.",
                        "en", "The card's code is not valid. Please ask a member of staff."));
            }
            case ScannedCode.Dossier d -> {
                e.put("code", d.code());
                e.put("receivedOn", d.receivedOn().toString());
                e.put("serviceId", dossierServiceId);
            }
            case ScannedCode.OwnTicket t -> {
                try {
                    TicketView v = queue.ticket(t.ticketId());
                    e.put("ticketId", v.id());
                    e.put("number", v.number());
                    e.put("status", v.status());
                    e.put("serviceId", v.serviceId());
                    e.put("waitingAhead", v.waitingAhead());
                    e.put("estimatedWaitMinutes", v.estimatedWaitMinutes());
                    e.put("counterId", v.counterId());
                } catch (Problem notOurs) {
                    e.put("kind", "unknown");
                    e.put("message", notRecognised());
                }
            }
            case ScannedCode.Unknown u -> e.put("message", notRecognised());
        }
        return e;
    }

    /** The priority category with the highest age threshold the citizen meets, or null. */
    private String priorityFor(int age) {
        return catalog.priorities().stream().filter(p -> p.minAge() != null && age >= p.minAge())
                .max(Comparator.comparingInt(KioskConfig.PriorityCategory::minAge))
                .map(KioskConfig.PriorityCategory::id).orElse(null);
    }

    private static Map<String, String> notRecognised() {
        return Map.of("vi", "Không nhận ra mã này.", "en", "This code is not recognised.");
    }
}
