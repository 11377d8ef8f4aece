package vn.kiosk.scanning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.hw.scanner.ScanListener;
import vn.kiosk.problem.Problem;
import vn.kiosk.queue.QueueService;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.queue.TicketView;

/**
 * From a scanner's raw code to what the touchscreen shows: an ID card starts the citizen's session
 * and may offer elderly priority; a dossier receipt routes to the return-of-results service; this
 * kiosk's ticket shows its status; anything else gets a clear "not recognised". Each scan is
 * published as a {@link CodeScanned}, which holds no personal data.
 */
public final class ScanService implements ScanListener {

    private static final Logger log = LoggerFactory.getLogger(ScanService.class);

    private final QrCodeParser parser;
    private final CitizenSession session;
    private final QueueService queue;
    private final ServiceCatalog catalog;
    private final String dossierServiceId;
    private final KioskEvents events;
    private final Clock clock;
    private final ZoneId zone;

    public ScanService(QrCodeParser parser, CitizenSession session, QueueService queue, ServiceCatalog catalog,
                       String dossierServiceId, KioskEvents events, Clock clock, ZoneId zone) {
        this.parser = parser;
        this.session = session;
        this.queue = queue;
        this.catalog = catalog;
        this.dossierServiceId = dossierServiceId;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    /** Called on the scanner's thread for each accepted code. */
    @Override
    public void onCode(String raw) {
        CodeScanned scanned;
        try {
            scanned = describe(parser.parse(raw));
        } catch (RuntimeException e) {
            // A parser bug. Its message may quote the code (an ID card): log where it failed, not what it said.
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            log.error("a scanned code of {} characters could not be handled: {} at {}", raw == null ? 0 : raw.length(),
                    e.getClass().getName(), at);
            scanned = new CodeScanned.Unreadable();
        }
        log.info("scan: {}", scanned.kind());
        events.publish(scanned);
    }

    /** Input the scanner refused (too long, control characters): the citizen is asked to scan again. */
    @Override
    public void onUnreadable(String reason) {
        log.info("scan: unreadable ({})", reason);
        events.publish(new CodeScanned.Unreadable());
    }

    CodeScanned describe(ScannedCode code) {
        return switch (code) {
            case ScannedCode.IdCard card -> {
                session.start(card.id());
                yield new CodeScanned.IdCardRead(card.id().masked(),
                        priorityFor(card.id().age(LocalDate.now(clock.withZone(zone)))));
            }
            case ScannedCode.InvalidIdCard invalid -> {
                session.wipe();
                yield new CodeScanned.InvalidIdCard(invalid.reason());
            }
            case ScannedCode.Dossier d -> new CodeScanned.DossierRead(d.code(), d.receivedOn(), dossierServiceId);
            case ScannedCode.OwnTicket t -> {
                try {
                    TicketView v = queue.ticket(t.ticketId());
                    yield new CodeScanned.OwnTicketRead(v.id(), v.number(), v.status(), v.serviceId(), v.waitingAhead(),
                            v.estimatedWaitMinutes(), v.counterId());
                } catch (Problem notOurs) {
                    yield new CodeScanned.NotRecognised();
                }
            }
            case ScannedCode.Unknown u -> new CodeScanned.NotRecognised();
        };
    }

    /** The priority category with the highest age threshold the citizen meets, or null. */
    private String priorityFor(int age) {
        return catalog.priorities().stream().filter(p -> p.minAge() != null && age >= p.minAge())
                .max(Comparator.comparingInt(KioskConfig.PriorityCategory::minAge))
                .map(KioskConfig.PriorityCategory::id).orElse(null);
    }
}
