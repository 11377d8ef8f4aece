package vn.kiosk.console.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.fleet.messages.DeviceStateEventData;
import vn.kiosk.fleet.messages.FleetEvent;
import vn.kiosk.fleet.messages.FleetMessages;
import vn.kiosk.fleet.messages.KioskStatus;
import vn.kiosk.fleet.messages.TelemetryReport;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.TestBroker;

/**
 * The simulated fleet against a real Mosquitto, read back as the console reads a real kiosk: retained
 * online statuses, telemetry and events that parse as the fleet-messages records, seq from 1 without
 * gaps per kiosk, a technician command answered, offline statuses after a clean stop; and with faults,
 * paper events and a kiosk whose Will said offline coming back with nothing lost.
 */
class FleetSimTest {

    private static final ObjectReader READER = FleetMessages.reader();
    private static final Set<String> TICKET_EVENTS = Set.of("ticket.issued", "ticket.called", "ticket.completed");
    private static final String DRINK = "drink.dispensed";

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T t) {
        open.add(t);
        return t;
    }

    @Test
    void fiveKiosksLookAndAnswerLikeRealOnes() throws Exception {
        TestBroker broker = closing(TestBroker.mosquitto(dir.resolve("broker")));
        MqttProbe console = closing(MqttProbe.connect(broker.url()).subscribe("kiosk/#", 1));
        SimOptions o = SimOptions.of(broker.url(), 5, "sim").withEventsPerSecond(100).withTelemetrySeconds(1)
                .withFaults(FaultPlan.NONE);
        FleetSim sim = closing(new FleetSim(o).start());
        List<String> devices = List.of("sim-001/kiosk-01", "sim-001/kiosk-02", "sim-002/kiosk-01", "sim-002/kiosk-02",
                "sim-003/kiosk-01");

        Poll.until(Duration.ofSeconds(20), "each kiosk's telemetry and 20 events", () -> devices.stream().allMatch(d ->
                events(console, d).size() >= 20 && !messages(console, "kiosk/" + d + "/telemetry").isEmpty()));
        assertEquals(5, sim.stats().connected());

        try (MqttProbe late = MqttProbe.connect(broker.url()).subscribe("kiosk/+/+/status", 1)
                .subscribe("kiosk/+/+/telemetry", 1)) {
            Poll.until(Duration.ofSeconds(10), "5 retained statuses", () -> retained(late, "/status").size() == 5);
            for (MqttProbe.Message m : retained(late, "/status")) {
                KioskStatus s = read(m, KioskStatus.class);
                assertTrue(s.online(), m.topic());
                assertEquals("sim", s.version());
            }
            Poll.until(Duration.ofSeconds(10), "5 retained telemetry reports", () -> retained(late, "/telemetry").size() == 5);
            TelemetryReport t = read(retained(late, "/telemetry").get(0), TelemetryReport.class);
            assertEquals("sim", t.version());
            assertEquals(Map.of("printer", "READY", "scanner", "READY", "dispenser", "READY"), t.devices());
            assertFalse(t.maintenance());
            assertEquals(t.queue().waiting(), t.queue().services().values().stream().mapToLong(Long::longValue).sum());
        }

        for (String d : devices) {
            List<FleetEvent> events = events(console, d);
            for (int i = 0; i < events.size(); i++) {
                FleetEvent e = events.get(i);
                assertEquals(i + 1, e.seq(), d + ": seq from 1, one after the other");
                assertTrue(TICKET_EVENTS.contains(e.type()) || e.type().equals(DRINK), e.type());
                assertEquals(36, e.id().length(), "a UUID");
            }
            FleetEvent first = events.stream().filter(e -> TICKET_EVENTS.contains(e.type())).findFirst().orElseThrow();
            JsonNode issued = READER.readTree(first.data()); // a fresh queue starts by issuing
            assertEquals("ticket.issued", first.type());
            assertTrue(issued.get("number").asText().matches("[A-Z]\\d{3}"), issued.toString());
            assertEquals("touchscreen", issued.get("channel").asText());
            assertTrue(issued.has("priority") && issued.get("priority").isNull());
        }

        console.publish("kiosk/sim-001/kiosk-01/cmd/tech/printer.test", "{\"id\": \"t-1\", \"args\": {}}");
        JsonNode reply = console.await(Duration.ofSeconds(10), "the printer.test reply",
                m -> m.topic().equals("kiosk/sim-001/kiosk-01/reply/tech/t-1")).json();
        assertEquals("t-1", reply.get("id").asText());
        assertEquals("ok", reply.get("status").asText());
        assertEquals(200, reply.get("code").asInt());
        assertTrue(reply.get("data").get("printed").asBoolean(), reply.toString());
        // water is poured too, in the real kiosk's drink.dispensed shape
        Poll.until(Duration.ofSeconds(20), "a cup of water poured", () -> allEvents(console).stream()
                .anyMatch(e -> e.type().equals(DRINK)));
        JsonNode cup = READER.readTree(allEvents(console).stream().filter(e -> e.type().equals(DRINK)).findFirst()
                .orElseThrow().data());
        assertEquals(36, cup.get("pourId").asText().length(), cup.toString());
        assertTrue(Set.of("hot", "cold").contains(cup.get("kind").asText()), cup.toString());
        assertTrue(cup.get("requestedMl").asInt() > 0 && cup.get("measuredMl").asInt() > 0, cup.toString());
        assertEquals("DONE", cup.get("result").asText());
        assertEquals("touchscreen", cup.get("channel").asText());

        // the console's reprint button: a ticket of the day is printed again, an unknown one is a 404
        List<FleetEvent> issuedTickets = events(console, "sim-001/kiosk-02").stream()
                .filter(e -> e.type().equals("ticket.issued")).toList();
        FleetEvent ticket = issuedTickets.get(issuedTickets.size() - 1); // the sim keeps its last 50 for reprints
        String ticketId = READER.readTree(ticket.data()).get("ticketId").asText();
        console.publish("kiosk/sim-001/kiosk-02/cmd/tech/ticket.reprint", "{\"id\": \"t-2\", \"args\": {\"ticketId\": \""
                + ticketId + "\"}}");
        JsonNode reprinted = console.await(Duration.ofSeconds(10), "the ticket.reprint reply",
                m -> m.topic().equals("kiosk/sim-001/kiosk-02/reply/tech/t-2")).json();
        assertEquals(200, reprinted.get("code").asInt(), reprinted.toString());
        assertEquals(ticketId, reprinted.at("/data/id").asText());
        assertEquals(READER.readTree(ticket.data()).get("number").asText(), reprinted.at("/data/number").asText());
        assertEquals("printed", reprinted.at("/data/printState").asText());
        console.publish("kiosk/sim-001/kiosk-02/cmd/tech/ticket.reprint", "{\"id\": \"t-3\", \"args\": {\"ticketId\": \"nope\"}}");
        JsonNode unknown = console.await(Duration.ofSeconds(10), "the unknown ticket's reply",
                m -> m.topic().equals("kiosk/sim-001/kiosk-02/reply/tech/t-3")).json();
        assertEquals(404, unknown.get("code").asInt(), unknown.toString());
        console.publish("kiosk/sim-001/kiosk-02/cmd/tech/firmware.flash", "{\"id\": \"t-4\", \"args\": {}}");
        JsonNode refused = console.await(Duration.ofSeconds(10), "a command the tech role does not have",
                m -> m.topic().equals("kiosk/sim-001/kiosk-02/reply/tech/t-4")).json();
        assertEquals(403, refused.get("code").asInt(), refused.toString());

        sim.close();
        Poll.until(Duration.ofSeconds(10), "each kiosk's offline status after a clean stop", () -> devices.stream()
                .allMatch(d -> !read(last(messages(console, "kiosk/" + d + "/status")), KioskStatus.class).online()));
    }

    @Test
    void faultsAreReportedAndADroppedKioskComesBackWithEveryEvent() throws Exception {
        TestBroker broker = closing(TestBroker.mosquitto(dir.resolve("broker")));
        MqttProbe console = closing(MqttProbe.connect(broker.url()).subscribe("kiosk/#", 1));
        // every kiosk faulty within seconds, each fault over within one
        FaultPlan often = new FaultPlan(1800, 360, 1800, Duration.ofMillis(300), Duration.ofMillis(900));
        closing(new FleetSim(SimOptions.of(broker.url(), 4, "flt").withEventsPerSecond(80).withTelemetrySeconds(1)
                .withFaults(often)).start());

        Poll.until(Duration.ofSeconds(30), "a kiosk offline by its Will and online again", () -> {
            for (String d : List.of("flt-001/kiosk-01", "flt-001/kiosk-02", "flt-002/kiosk-01", "flt-002/kiosk-02")) {
                List<Boolean> online = messages(console, "kiosk/" + d + "/status").stream()
                        .map(m -> read(m, KioskStatus.class).online()).toList();
                int off = online.indexOf(false);
                if (off >= 0 && online.subList(off, online.size()).contains(true)) {
                    return true;
                }
            }
            return false;
        });
        Poll.until(Duration.ofSeconds(30), "a paper fault reported", () -> allEvents(console).stream()
                .anyMatch(e -> e.type().equals("printer.state")));
        Poll.until(Duration.ofSeconds(30), "water running low reported", () -> allEvents(console).stream()
                .anyMatch(e -> e.type().equals("dispenser.state")
                        && "LEVEL_LOW".equals(e.data(READER, DeviceStateEventData.class).state())));

        Map<String, List<FleetEvent>> byKiosk = new HashMap<>();
        for (MqttProbe.Message m : console.received()) {
            if (m.topic().endsWith("/events")) {
                byKiosk.computeIfAbsent(m.topic(), k -> new ArrayList<>()).add(read(m, FleetEvent.class));
            }
        }
        for (var e : byKiosk.entrySet()) {
            TreeSet<Long> seqs = new TreeSet<>();
            e.getValue().forEach(ev -> seqs.add(ev.seq()));
            assertEquals(1, seqs.first(), e.getKey());
            assertEquals(seqs.size(), seqs.last(), e.getKey() + ": no seq lost across drops (replays may repeat some)");
        }
        FleetEvent low = allEvents(console).stream().filter(e -> e.type().equals("printer.state")).findFirst().orElseThrow();
        DeviceStateEventData data = low.data(READER, DeviceStateEventData.class);
        assertEquals("PAPER_LOW", data.state());
        assertEquals("READY", data.previous());
        assertTrue(data.ok());
        assertNull(READER.readTree(low.data()).get("ticketId"));
    }

    private static List<MqttProbe.Message> messages(MqttProbe probe, String topic) {
        return probe.received().stream().filter(m -> m.topic().equals(topic)).toList();
    }

    private static List<MqttProbe.Message> retained(MqttProbe probe, String suffix) {
        return probe.received().stream().filter(m -> m.retained() && m.topic().endsWith(suffix)).toList();
    }

    private static List<FleetEvent> events(MqttProbe probe, String device) {
        return messages(probe, "kiosk/" + device + "/events").stream().map(m -> read(m, FleetEvent.class)).toList();
    }

    private static List<FleetEvent> allEvents(MqttProbe probe) {
        return probe.received().stream().filter(m -> m.topic().endsWith("/events")).map(m -> read(m, FleetEvent.class))
                .toList();
    }

    private static MqttProbe.Message last(List<MqttProbe.Message> messages) {
        return messages.get(messages.size() - 1);
    }

    private static <T> T read(MqttProbe.Message m, Class<T> type) {
        try {
            return READER.forType(type).readValue(m.text());
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + type.getSimpleName() + " on " + m.topic() + ": " + m.text(), e);
        }
    }
}
