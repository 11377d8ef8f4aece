package vn.kiosk.scanning;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.json.Json;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.queue.Channel;
import vn.kiosk.queue.IssueRequest;
import vn.kiosk.queue.QueueService;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.storage.Database;
import vn.kiosk.testing.TestConfigs;

/**
 * The citizen's session wipes itself when the queue says a touchscreen ticket was issued (its own
 * subscription, not a rule of the composition root), and only then: a robot's ticket, or a staff
 * reprint of an earlier citizen's ticket, leaves the citizen at the screen their session.
 */
class CitizenSessionTest {

    private static final CitizenId CARD = new CitizenId("079050001234", null, "Trần Văn Bình",
            LocalDate.of(1950, 3, 15), "Nam", "12 Lê Lợi", LocalDate.of(2021, 4, 20));

    @TempDir
    Path dir;
    private Database db;
    private QueueService queue;
    private CitizenSession session;

    @BeforeEach
    void open() throws Exception {
        KioskConfig config = TestConfigs.load(dir, "{}");
        Files.createDirectories(config.dataPath());
        db = Database.open(config.dataPath().resolve("kiosk.db"));
        KioskEvents events = new KioskEvents();
        queue = new QueueService(db, new ServiceCatalog(config), new Outbox(Json.newMapper()), events, Clock.systemUTC(),
                config);
        session = new CitizenSession(Clock.systemUTC(), Duration.ofMinutes(2), events);
    }

    @AfterEach
    void close() {
        session.close();
        db.close();
    }

    @Test
    void aTouchscreenTicketWipesTheCardOnceItIsCommitted() {
        session.start(CARD);
        queue.issue(IssueRequest.of("land", null, Channel.TOUCHSCREEN));
        assertTrue(session.current().isEmpty(), "the citizen has their ticket: their card is forgotten");
    }

    @Test
    void otherTicketChangesLeaveTheSession() {
        String earlier = queue.issue(new IssueRequest("land", null, Channel.TOUCHSCREEN, "tap-1", true)).view().id();
        session.start(CARD);
        queue.issue(IssueRequest.of("land", null, Channel.ROBOT));
        queue.issue(IssueRequest.of("land", null, Channel.COUNTER));
        queue.markPrinted(earlier);
        queue.issue(new IssueRequest("land", null, Channel.TOUCHSCREEN, "tap-1", true)); // a repeated request: no new ticket
        assertFalse(session.current().isEmpty(), "robots, counters, prints and repeats are not this citizen's ticket");
    }
}
