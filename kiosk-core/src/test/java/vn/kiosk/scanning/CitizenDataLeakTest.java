package vn.kiosk.scanning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.testing.PtyPair;
import vn.kiosk.testing.EventStream;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestBroker;

/**
 * Every ID card of the shared samples scanned over a real serial line into the kiosk in its own
 * JVM, with its log at TRACE, a touchscreen ticket taken with the priority a card offered, and the
 * outbox drained to a real broker: then no field of any card (number, old number, name, birth
 * date, address, issue date) may be found in any MQTT message, live event, the SQLite file or its
 * WAL, or the log. Each place is first shown to hold what it should (the masked number, the
 * ticket), so a search that reads nothing cannot pass.
 */
class CitizenDataLeakTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void noFieldOfAnyScannedCardReachesMqttLiveEventsTheDatabaseOrTheLog() throws Exception {
        Assumptions.assumeTrue(PtyPair.socatInstalled(), "needs socat (apt install socat)");
        List<QrCodeParserTest.Sample> cards = QrCodeParserTest.samples().stream()
                .filter(s -> s.kind().equals("citizen-id")).toList();
        Set<String> secrets = personalFields(cards);
        Path data = dir.resolve("data");
        try (TestBroker broker = TestBroker.start(dir.resolve("broker"));
             PtyPair line = new PtyPair(dir).start();
             MqttProbe probe = MqttProbe.connect(broker.url()).subscribe("kiosk/#", 1)) {
            Path config = dir.resolve("kiosk.yaml");
            Files.writeString(config, """
                    site: { id: "ward-1" }
                    device: { id: "kiosk-1" }
                    devices: { printer: "sim:", scanner: "serial:%s?baud=9600", dispenser: "" }
                    scanning: { dedupeMillis: 0 }
                    mqtt: { url: "%s" }
                    openingHours: { days: [1, 2, 3, 4, 5, 6, 7], open: "00:00", close: "24:00" }
                    """.formatted(line.host(), broker.url()));
            try (KioskProcess kiosk = KioskProcess.start(dir, Ports.free(), Map.of("KIOSK_CONFIG", config.toString(),
                    "KIOSK_DATA_DIR", data.toString()), "run").awaitReady(Duration.ofSeconds(30));
                 EventStream screen = new EventStream(kiosk.port())) {
                probe.await(WAIT, "the kiosk online", m -> m.topic().endsWith("/status") && m.text().contains("\"online\":true"));
                probe.publish("kiosk/ward-1/kiosk-1/cmd/tech/log.level", "{\"id\": \"trace-1\", \"args\": {\"level\": \"TRACE\"}}");
                assertEquals("ok", probe.await(WAIT, "log level TRACE", m -> m.topic().endsWith("/reply/tech/trace-1"))
                        .json().path("status").asText(), "the kiosk logs at TRACE");
                Poll.until(WAIT, "the serial scanner open", () ->
                        kiosk.api().get("/api/health").body().path("devices").path("scanner").path("ok").asBoolean());

                try (OutputStream out = Files.newOutputStream(line.device())) {
                    for (QrCodeParserTest.Sample card : cards) {
                        out.write((card.payload().replace("\r\n", "") + "\r\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
                Poll.until(WAIT, "a scan event for each card", () -> screen.events().stream()
                        .filter(e -> e.path("type").asText().equals("scan")).count() == cards.size());
                var ticket = kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\", \"priority\": \"elderly\"}");
                assertEquals(201, ticket.status(), ticket.text());
                String number = ticket.body().get("number").asText();
                probe.await(WAIT, "the ticket's event on MQTT", m -> m.topic().endsWith("/events") && m.text().contains(number));
                kiosk.terminate(Duration.ofSeconds(10)); // the log is complete and the files are closed

                Map<String, String> places = new LinkedHashMap<>();
                places.put("MQTT", String.join("\n", probe.received().stream().map(m -> m.topic() + " " + m.text()).toList()));
                places.put("live events", screen.events().toString());
                places.put("SQLite file", new String(Files.readAllBytes(data.resolve("kiosk.db")), StandardCharsets.UTF_8));
                Path wal = data.resolve("kiosk.db-wal");
                places.put("SQLite WAL", Files.exists(wal) ? new String(Files.readAllBytes(wal), StandardCharsets.UTF_8) : "");
                places.put("log", kiosk.stdout() + kiosk.stderr());

                // Each place holds what it should, so the search below reads something real.
                assertTrue(places.get("MQTT").contains(number), "MQTT carries the ticket");
                assertTrue(places.get("live events").contains("079*******34"), "live events carry the masked number");
                assertTrue((places.get("SQLite file") + places.get("SQLite WAL")).contains(number), "the database holds the ticket");
                assertTrue(places.get("log").contains("scan: citizen-id"), "the log has the scans");

                List<String> leaks = new ArrayList<>();
                for (var place : places.entrySet()) {
                    for (String secret : secrets) {
                        if (place.getValue().contains(secret)) {
                            leaks.add(CitizenId.mask(secret) + " in " + place.getKey());
                        }
                    }
                }
                assertTrue(leaks.isEmpty(), "personal data found: " + leaks);
            }
        }
    }

    /** Every field of every card but the gender word (Nam / Nữ, which ordinary text holds too). */
    private static Set<String> personalFields(List<QrCodeParserTest.Sample> cards) {
        Set<String> out = new LinkedHashSet<>();
        for (QrCodeParserTest.Sample card : cards) {
            for (String field : card.payload().replace("\uFEFF", "").strip().split("\\|")) {
                String f = field.strip();
                if (f.length() >= 6 && !f.equals("Nam") && !f.equals("Nữ")) {
                    out.add(f);
                }
            }
        }
        return out;
    }
}
