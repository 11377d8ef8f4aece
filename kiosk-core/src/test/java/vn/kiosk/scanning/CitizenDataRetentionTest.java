package vn.kiosk.scanning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.testing.PtyPair;
import vn.kiosk.testing.EventStream;
import vn.kiosk.testing.HeapDump;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Ports;

/**
 * What is left of a scanned ID card inside the running kiosk, read from its live heap: the card
 * comes in over a real serial line (a socat pty pair), as from a USB scanner, and the kiosk runs
 * in its own JVM. While the citizen's session lasts, the number and name are found (so the search
 * works); after the idle deadline, or at once after their ticket, no trace of any field is left.
 */
class CitizenDataRetentionTest {

    private static final int IDLE_SECONDS = 5;
    private static final String NUMBER = "079050001234";
    private static final String OLD_NUMBER = "023456789";
    private static final String NAME = "Trần Văn Bình";
    private static final String BIRTH = "15031950";
    private static final String ADDRESS = "12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh";
    private static final String ISSUED = "20042021";
    private static final String CARD = String.join("|", NUMBER, OLD_NUMBER, NAME, BIRTH, "Nam", ADDRESS, ISSUED);

    @TempDir
    Path dir;

    @Test
    void aCardScannedWithoutATicketLeavesNoTraceAfterTheIdleDeadline() throws Exception {
        try (PtyPair line = startLine(); KioskProcess kiosk = startKiosk(line); EventStream screen = new EventStream(kiosk.port())) {
            scan(line);
            long scannedAt = System.nanoTime();
            screen.await("the ID card's scan event", e -> "citizen-id".equals(e.path("kind").asText()));

            HeapDump during = HeapDump.of(kiosk.process(), dir);
            assertFalse(during.formsOf(NUMBER).isEmpty(), "during the session the card's number is held (the search works)");
            assertFalse(during.formsOf(NAME).isEmpty(), "during the session the card's name is held (the search works)");

            long deadline = scannedAt + Duration.ofSeconds(IDLE_SECONDS).plusMillis(1_500).toNanos();
            Poll.until(Duration.ofSeconds(IDLE_SECONDS + 10), "the session's idle deadline to pass",
                    () -> System.nanoTime() >= deadline);
            assertNoTrace(HeapDump.of(kiosk.process(), dir), "after the idle deadline, without a ticket");
        }
    }

    @Test
    void aTouchscreenTicketWipesTheCardAtOnce() throws Exception {
        try (PtyPair line = startLine(); KioskProcess kiosk = startKiosk(line); EventStream screen = new EventStream(kiosk.port())) {
            scan(line);
            screen.await("the ID card's scan event", e -> "citizen-id".equals(e.path("kind").asText()));
            var ticket = kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\", \"priority\": \"elderly\"}");
            assertEquals(201, ticket.status(), ticket.text());
            assertNoTrace(HeapDump.of(kiosk.process(), dir), "right after the citizen's touchscreen ticket");
        }
    }

    private static void assertNoTrace(HeapDump heap, String when) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String field : List.of(NUMBER, OLD_NUMBER, NAME, BIRTH, ADDRESS, ISSUED, CARD)) {
            List<String> forms = heap.formsOf(field);
            if (!forms.isEmpty()) {
                found.put(CitizenId.mask(field), forms);
            }
        }
        assertTrue(found.isEmpty(), when + ", the kiosk's live heap still holds " + found);
    }

    private PtyPair startLine() {
        Assumptions.assumeTrue(PtyPair.socatInstalled(), "needs socat (apt install socat)");
        return new PtyPair(dir).start();
    }

    private KioskProcess startKiosk(PtyPair line) throws Exception {
        Path config = dir.resolve("kiosk.yaml");
        Files.writeString(config, """
                devices: { printer: "sim:", scanner: "serial:%s?baud=9600", dispenser: "" }
                scanning: { sessionIdleSeconds: %d }
                openingHours: { days: [1, 2, 3, 4, 5, 6, 7], open: "00:00", close: "24:00" }
                """.formatted(line.host(), IDLE_SECONDS));
        KioskProcess kiosk = KioskProcess.start(dir, Ports.free(), Map.of("KIOSK_CONFIG", config.toString(),
                "KIOSK_DATA_DIR", dir.resolve("data").toString()), "run").awaitReady(Duration.ofSeconds(30));
        Poll.until(Duration.ofSeconds(10), "the serial scanner to be open", () ->
                kiosk.api().get("/api/health").body().path("devices").path("scanner").path("ok").asBoolean());
        return kiosk;
    }

    private static void scan(PtyPair line) throws Exception {
        try (OutputStream out = Files.newOutputStream(line.device())) {
            out.write((CARD + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
