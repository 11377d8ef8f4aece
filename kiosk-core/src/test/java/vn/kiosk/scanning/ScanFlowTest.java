package vn.kiosk.scanning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import vn.kiosk.hw.scanner.SimulatedScanner;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.EventStream;
import vn.kiosk.testing.MutableClock;
import vn.kiosk.testing.RunningKiosk;

/** Scanned codes through the whole application to the touchscreen's event stream. */
class ScanFlowTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T03:00:00Z"));
    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk().clock(clock);
    private EventStream stream;
    private SimulatedScanner scanner;
    private Api api;

    private void start() throws Exception {
        kiosk.start("scanning: { dedupeMillis: 0 }\n");
        scanner = kiosk.sim().scanner();
        stream = new EventStream(kiosk.port());
        api = kiosk.api();
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
    }

    @Test
    void anElderlyCitizensCardOffersPriorityAndShowsOnlyAMaskedNumber() throws Exception {
        start();
        scanner.inject("079050001234|023456789|Trần Văn Bình|15031950|Nam|12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh|20042021");
        JsonNode e = stream.await("a scan event", n -> n.path("type").asText().equals("scan"));
        assertEquals("citizen-id", e.get("kind").asText());
        assertEquals("079*******34", e.get("maskedId").asText());
        assertEquals("elderly", e.get("priorityOffer").asText());
        assertFalse(e.toString().contains("Bình") || e.toString().contains("1950") || e.toString().contains("Lê Lợi"));
        assertTrue(kiosk.app().citizenSession().current().isPresent(), "held in memory for this citizen");

        scanner.inject("001190012345||Nguyễn Thị Mai|01021990|Nữ|Số 5 ngõ 3, Phường Láng, Hà Nội|10102022");
        JsonNode young = stream.await("the second scan", n -> n.path("maskedId").asText().equals("001*******45"));
        assertTrue(young.get("priorityOffer").isNull());

        assertEquals(201, api.post("/api/tickets", "{\"serviceId\": \"land\"}").status());
        assertTrue(kiosk.app().citizenSession().current().isEmpty(), "wiped once the ticket is issued");
    }

    @Test
    void inputTheScannerRefusesReachesTheScreenAsUnreadable() throws Exception {
        start();
        scanner.inject("x".repeat(5_000));
        JsonNode tooLong = stream.await("unreadable (too long)", n -> n.path("kind").asText().equals("unreadable"));
        assertEquals("The code could not be read. Please scan it again.", tooLong.path("message").path("en").asText());
        scanner.inject("079050001234|\u0007|Trần Văn Bình");
        stream.await("unreadable (a control character)", n -> stream.events().stream()
                .filter(x -> x.path("kind").asText().equals("unreadable")).count() == 2);
        assertFalse(stream.events().toString().contains("079050001234"), "the event says nothing of what was read");
    }

    @Test
    void dossiersTicketsAndUnknownCodes() throws Exception {
        start();
        scanner.inject("000.00.19.H29-250714-0042");
        JsonNode d = stream.await("dossier", n -> n.path("kind").asText().equals("dossier"));
        assertEquals("return-results", d.get("serviceId").asText());
        String id = api.post("/api/tickets", "{\"serviceId\": \"land\"}").body().get("id").asText();
        scanner.inject(id);
        JsonNode t = stream.await("own ticket", n -> n.path("kind").asText().equals("ticket"));
        assertEquals("E001", t.get("number").asText());
        assertEquals("issued", t.get("status").asText());
        scanner.inject("https://example.org/some/page");
        JsonNode u = stream.await("unknown", n -> n.path("kind").asText().equals("unknown"));
        assertEquals("This code is not recognised.", u.path("message").path("en").asText());
        scanner.inject("079250001234|023456789|Võ Thanh Bình|15031950|Nam|Phường Tân Đông Hiệp|20042021");
        JsonNode bad = stream.await("invalid", n -> n.path("kind").asText().equals("invalid"));
        assertTrue(bad.get("reason").asText().contains("century"));
        assertTrue(stream.events().stream().anyMatch(n -> n.path("type").asText().equals("ticket")), "ticket changes stream too");
    }

    @Test
    void scanningTheSamplesLogsNoIdNumberNameOrBirthDate() throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(ctx);
        captured.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level before = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.TRACE);
        root.addAppender(captured);
        try {
            start();
            List<QrCodeParserTest.Sample> samples = QrCodeParserTest.samples();
            for (QrCodeParserTest.Sample s : samples) {
                scanner.inject(s.payload());
            }
            scanner.inject("079050001234|023456789|Trần Văn Bình|15031950|Nam|12 Lê Lợi" + "x".repeat(5000));
            stream.await("the last sample's event", n -> stream.events().stream().filter(x -> x.path("type").asText().equals("scan"))
                    .count() >= samples.size() - 1);
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
        }
        String logs = String.join("\n", captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertTrue(logs.contains("scan: citizen-id"), "the scans were logged at all");
        for (String secret : List.of("079050001234", "001190012345", "048201000777", "092305004321", "079250001234",
                "Trần Văn Bình", "Nguyễn Thị Mai", "Lê Hoàng Nam", "Phạm Thu Hà", "Võ Thanh Bình",
                "15031950", "01021990", "09/09/2001", "28022005", "Lê Lợi")) {
            assertFalse(logs.contains(secret), "personal data in the log: " + secret);
        }
        String events = stream.events().toString();
        for (String secret : List.of("079050001234", "Trần Văn Bình", "15031950")) {
            assertFalse(events.contains(secret), "personal data in an event: " + secret);
        }
    }
}
