package vn.kiosk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.hw.dispenser.SimulatedDispenser;
import vn.kiosk.hw.dispenser.Tap;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.RunningKiosk;
import vn.kiosk.testing.TestBroker;

/**
 * The field names of what the kiosk publishes and answers, pinned: the MQTT status, telemetry and
 * every event's data, the technician's device.status, and the HTTP health, self-test, kiosk-state
 * and dispenser answers. The fleet stores the events and other programs read the rest, so a renamed
 * or dropped field must be a decision, not an accident of refactoring. Names only (values differ by
 * machine); the keys of the per-service map are configuration, not contract, and read as "*".
 */
class WireContractTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BASE = "kiosk/phuong-ben-thanh/kiosk-01/";
    /** Maps keyed by configured ids: their keys are not part of the contract. */
    private static final Set<String> ID_KEYED = Set.of("queue.services");

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private TestBroker broker;
    private MqttProbe probe;

    @AfterEach
    void stop() {
        if (probe != null) {
            probe.close();
        }
        kiosk.stop();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void whatTheKioskPublishesAndAnswersKeepsItsFieldNames() throws Exception {
        broker = TestBroker.start(kiosk.dir().resolve("broker"));
        kiosk.start("""
                devices: { dispenser: "sim:?flowMlPerMinute=6000" }
                mqtt: { url: "%s", reconnectMinMillis: 20, reconnectMaxMillis: 300, telemetrySeconds: 1 }
                """.formatted(broker.url()));
        probe = MqttProbe.connect(broker.url()).subscribe("kiosk/#", 1);
        Api api = kiosk.api();
        SimulatedDispenser sim = kiosk.sim().dispenser();
        List<String> shapes = new ArrayList<>();
        SortedSet<String> words = new TreeSet<>();

        JsonNode online = probe.await(WAIT, "online", m -> m.topic().equals(BASE + "status")
                && m.json().path("online").asBoolean()).json();
        shapes.add("status online: " + paths(online));

        // every ticket event
        String a = issue(api, "civil-status");
        String b = issue(api, "civil-status");
        String c = issue(api, "civil-status");
        String d = issue(api, "civil-status");
        api.post("/api/counters/1/next", "{\"services\": [\"civil-status\"]}");
        api.post("/api/tickets/" + a + "/recall", "");
        api.post("/api/tickets/" + a + "/complete", "");
        api.post("/api/counters/1/next", "{\"services\": [\"civil-status\"]}");
        api.post("/api/counters/1/next", "{\"services\": [\"civil-status\"]}"); // completes b automatically
        api.post("/api/tickets/" + c + "/no-show", "");
        api.post("/api/tickets/" + d + "/transfer", "{\"serviceId\": \"land\"}");
        await("ticket.printed");
        kiosk.sim().paper().setPaperOut(true);
        Poll.until(WAIT, "paper out noticed",
                () -> "PAPER_OUT".equals(kiosk.app().deviceWatch().statuses().get("printer").state()));
        issue(api, "land");
        await("ticket.print_failed");
        kiosk.sim().paper().setPaperOut(false);

        // maintenance and the technician's commands
        shapes.add("reply maintenance.set: " + paths(command("tech", "maintenance.set", "{\"on\": true}")));
        command("tech", "maintenance.set", "{\"on\": false}");
        shapes.add("reply services.list: " + paths(command("robot", "services.list", "{}")));
        shapes.add("reply log.level: " + paths(command("tech", "log.level", "{\"level\": \"INFO\"}")));
        issue(api, "civil-status");
        shapes.add("reply counter.next: " + paths(command("counter", "counter.next", "{\"counterId\": \"2\"}")));
        shapes.add("reply counter.next (none): " + paths(command("counter", "counter.next", "{\"counterId\": \"2\"}")));

        // drinks: a pour, a low tank, a latched fault and its reset, a calibration
        String pour = api.post("/api/drinks", "{\"kind\": \"cold\", \"ml\": 100}").body().path("id").asText();
        JsonNode done = pourWhenDone(api, pour);
        shapes.add("http pour: " + paths(done));
        words.add("pour " + done.path("state").asText() + " " + done.path("channel").asText() + " " + done.path("kind").asText());
        sim.setLevelLow(Tap.HOT, true);
        await("dispenser.level_low");
        sim.setLevelLow(Tap.HOT, false);
        sim.setFlowMlPerMinute(0);
        api.post("/api/drinks", "{\"kind\": \"cold\", \"ml\": 100}");
        await("dispenser.fault");
        await("dispenser.state");
        shapes.add("http dispenser (fault): " + paths(api.get("/api/dispenser").body()));
        sim.setFlowMlPerMinute(6000);
        shapes.add("http dispenser reset: " + paths(api.post("/api/dispenser/reset", "{\"by\": \"test\"}").body()));
        JsonNode calibration = command("tech", "dispenser.calibrate", "{\"step\": \"pour\", \"ml\": 200}");
        pourWhenDone(api, calibration.path("id").asText());
        shapes.add("reply dispenser.calibrate measured: "
                + paths(command("tech", "dispenser.calibrate", "{\"step\": \"measured\", \"measuredMl\": 200}")));
        await("dispenser.calibrated");

        JsonNode health = api.get("/api/health").body();
        JsonNode selftest = api.get("/api/selftest").body();
        shapes.add("http health: " + paths(health));
        JsonNode details = health.path("devices").path("dispenser").path("details");
        words.add("levels " + details.path("levels").path("cold").asText() + " " + details.path("levels").path("hot").asText());
        words.add("health " + health.path("status").asText().replace("DEGRADED", "UP") + " "
                + health.path("database").path("state").asText().replace("DEGRADED", "UP"));
        selftest.path("checks").forEach(check -> words.add("selftest " + check.path("name").asText() + " "
                + check.path("result").asText().replaceAll("^(PASS|FAIL|SKIP)$", "PASS|FAIL|SKIP")));
        shapes.add("http dispenser: " + paths(api.get("/api/dispenser").body()));
        shapes.add("http kiosk: " + paths(api.get("/api/kiosk").body()));
        shapes.add("http selftest: " + paths(selftest));
        JsonNode telemetry = probe.await(WAIT, "telemetry with today's pour", m -> m.topic().equals(BASE + "telemetry")
                && m.json().path("drinks").path("cold").path("cups").asInt() >= 1).json();
        shapes.add("telemetry: " + paths(telemetry));
        JsonNode status = command("tech", "device.status", "{}");
        List<String> parts = new ArrayList<>();
        status.fieldNames().forEachRemaining(parts::add);
        shapes.add("reply device.status: " + String.join(" ", parts));
        assertEquals(paths(health), paths(status.path("health")), "device.status has the health report");
        assertEquals(paths(selftest), paths(status.path("selftest")), "device.status has the self-test");
        assertEquals(paths(telemetry), paths(status.path("telemetry")), "device.status has the telemetry");

        SortedSet<String> events = new TreeSet<>();
        for (MqttProbe.Message m : probe.received()) {
            if (m.topic().equals(BASE + "events")) {
                JsonNode e = m.json();
                // every device's state change is one record: a scanner that flaps under load adds no new shape
                events.add("event " + e.path("type").asText().replaceAll("^\\w+\\.state$", "<device>.state") + ": " + paths(e));
                switch (e.path("type").asText()) {
                    case "ticket.issued" -> words.add("ticket.issued " + e.path("data").path("channel").asText());
                    case "drink.dispensed" -> words.add("drink.dispensed " + e.path("data").path("result").asText() + " "
                            + e.path("data").path("channel").asText());
                    default -> { }
                }
            }
        }
        shapes.addAll(events);
        kiosk.stop();
        JsonNode offline = probe.await(WAIT, "offline", m -> m.topic().equals(BASE + "status")
                && !m.json().path("online").asBoolean(true)).json();
        shapes.add("status offline: " + paths(offline));

        assertEquals(EXPECTED, shapes.stream().map(WireContractTest::wrap).collect(Collectors.joining()));
        assertEquals(WORDS, String.join("\n", words) + "\n", "the words states are written in");
    }

    private static final String EXPECTED = """
            status online: online startedAt version
            reply maintenance.set: maintenance
            reply services.list: priorities priorities[].id priorities[].minAge priorities[].name priorities[].name.en
                priorities[].name.vi services services[].counters services[].counters[].id services[].counters[].location
                services[].counters[].location.en services[].counters[].location.vi services[].counters[].name
                services[].counters[].name.en services[].counters[].name.vi services[].documents services[].documents[].en
                services[].documents[].vi services[].icon services[].id services[].name services[].name.en
                services[].name.vi services[].prefix
            reply log.level: level logger
            reply counter.next: ticket ticket.businessDay ticket.callCount ticket.calledAt ticket.channel ticket.counterId
                ticket.counterLocation ticket.counterLocation.en ticket.counterLocation.vi ticket.counterName
                ticket.counterName.en ticket.counterName.vi ticket.estimatedWaitMinutes ticket.id ticket.issuedAt
                ticket.number ticket.printState ticket.printed ticket.serviceId ticket.serviceName ticket.serviceName.en
                ticket.serviceName.vi ticket.servingCounters ticket.status ticket.waitingAhead
            reply counter.next (none): ticket
            http pour: channel endedAt id kind measuredMl reason requestedMl startedAt state
            http dispenser (fault): cupPresent latchedFault latchedFault.at latchedFault.code latchedFault.message levels
                levels.cold levels.hot pourId pulsesPerLitre temperatureC
            http dispenser reset: cleared dispenser dispenser.cupPresent dispenser.latchedFault dispenser.levels
                dispenser.levels.cold dispenser.levels.hot dispenser.pourId dispenser.pulsesPerLitre
                dispenser.temperatureC
            reply dispenser.calibrate measured: measuredMl pulses pulsesPerLitre pulsesPerLitreBefore
            http health: database database.freeMegabytes database.state device devices devices.dispenser
                devices.dispenser.detail devices.dispenser.details devices.dispenser.details.cupPresent
                devices.dispenser.details.latchedFault devices.dispenser.details.levels
                devices.dispenser.details.levels.cold devices.dispenser.details.levels.hot
                devices.dispenser.details.pourId devices.dispenser.details.pulsesPerLitre
                devices.dispenser.details.temperatureC devices.dispenser.ok devices.dispenser.state devices.dispenser.url
                devices.printer devices.printer.detail devices.printer.ok devices.printer.state devices.printer.url
                devices.scanner devices.scanner.detail devices.scanner.ok devices.scanner.state devices.scanner.url
                maintenance queue queue.mode queue.pendingMerge queue.store site status uptimeSeconds version
            http dispenser: cupPresent latchedFault levels levels.cold levels.hot pourId pulsesPerLitre temperatureC
            http kiosk: devices devices.dispenser devices.dispenser.configured devices.dispenser.ok
                devices.dispenser.state devices.printer devices.printer.configured devices.printer.ok
                devices.printer.state devices.scanner devices.scanner.configured devices.scanner.ok devices.scanner.state
                drinks drinks.available drinks.cold drinks.cupMl drinks.cupPresent drinks.hot drinks.maxColdMl
                drinks.maxHotMl idleSeconds maintenance open openingHours site site.id site.name site.name.en site.name.vi
            http selftest: checks checks[].detail checks[].name checks[].result ok
            telemetry: cpuTemperatureC devices devices.dispenser devices.printer devices.scanner diskFreeBytes drinks
                drinks.cold drinks.cold.cups drinks.cold.litres drinks.hot drinks.hot.cups drinks.hot.litres maintenance
                memory memory.heapMaxBytes memory.heapUsedBytes memory.residentBytes outboxBacklog outboxBacklog.bytes
                outboxBacklog.events queue queue.services queue.services.* queue.store queue.store.mode
                queue.store.pendingMerge queue.store.store queue.waiting ts uptimeSeconds version
            reply device.status: health telemetry selftest
            event <device>.state: data data.detail data.ok data.previous data.state id seq ts type
            event dispenser.calibrated: data data.pourId data.pulsesPerLitre data.pulsesPerLitreBefore id seq ts type
            event dispenser.fault: data data.fault data.message data.pourId id seq ts type
            event dispenser.level_low: data data.tank id seq ts type
            event dispenser.reset: data data.by data.cleared id seq ts type
            event drink.dispensed: data data.channel data.kind data.measuredMl data.pourId data.reason data.requestedMl
                data.result id seq ts type
            event kiosk.maintenance: data data.on id seq ts type
            event ticket.called: data data.counterId data.number data.priority data.serviceId data.ticketId id seq ts type
            event ticket.completed: data data.automatic data.counterId data.number data.priority data.serviceId
                data.ticketId id seq ts type
            event ticket.completed: data data.counterId data.number data.priority data.serviceId data.ticketId id seq ts
                type
            event ticket.issued: data data.channel data.number data.priority data.serviceId data.ticketId id seq ts type
            event ticket.no_show: data data.counterId data.number data.priority data.serviceId data.ticketId id seq ts
                type
            event ticket.print_failed: data data.number data.printerState data.ticketId id seq ts type
            event ticket.printed: data data.number data.ticketId id seq ts type
            event ticket.recalled: data data.callCount data.counterId data.number data.priority data.serviceId
                data.ticketId id seq ts type
            event ticket.transferred: data data.fromServiceId data.number data.priority data.serviceId data.ticketId id
                seq ts type
            status offline: online
            """;

    /** Enums on the wire: their words, not Java's names, where the two differ (health as UP|DEGRADED: it depends on the disk). */
    private static final String WORDS = """
            drink.dispensed DONE tech
            drink.dispensed DONE touchscreen
            drink.dispensed FAULT touchscreen
            health UP UP
            levels ok ok
            pour DONE touchscreen cold
            selftest broker PASS|FAIL|SKIP
            selftest clock PASS|FAIL|SKIP
            selftest configuration PASS|FAIL|SKIP
            selftest database PASS|FAIL|SKIP
            selftest disk PASS|FAIL|SKIP
            selftest dispenser PASS|FAIL|SKIP
            selftest printer PASS|FAIL|SKIP
            selftest scanner PASS|FAIL|SKIP
            ticket.issued touchscreen
            """;

    private String issue(Api api, String service) {
        Api.Response r = api.post("/api/tickets", "{\"serviceId\": \"" + service + "\"}");
        assertEquals(201, r.status(), r.text());
        return r.body().path("ticket").path("id").asText(r.body().path("id").asText());
    }

    private void await(String type) {
        probe.await(WAIT, type, m -> m.topic().equals(BASE + "events") && m.json().path("type").asText().equals(type));
    }

    private int commands;

    /** The reply's data. */
    private JsonNode command(String role, String name, String args) throws Exception {
        String id = "c-" + ++commands;
        probe.publish(BASE + "cmd/" + role + "/" + name, "{\"id\": \"" + id + "\", \"args\": " + args + "}");
        JsonNode reply = probe.await(WAIT, "reply to " + name, m -> m.topic().equals(BASE + "reply/" + role + "/" + id)).json();
        assertEquals(200, reply.path("code").asInt(), reply.toString());
        return reply.path("data");
    }

    private static JsonNode pourWhenDone(Api api, String id) {
        JsonNode[] last = new JsonNode[1];
        Poll.until(WAIT, "pour " + id + " done", () -> {
            last[0] = api.get("/api/drinks/" + id).body();
            return !"POURING".equals(last[0].path("state").asText());
        });
        return last[0];
    }

    /** One shape per entry, wrapped to readable lines. */
    private static String wrap(String shape) {
        StringBuilder b = new StringBuilder();
        int line = 0;
        for (String word : shape.split(" ")) {
            if (line > 0 && line + 1 + word.length() > 110) {
                b.append("\n   ");
                line = 3;
            }
            if (line > 0) {
                b.append(' ');
                line++;
            }
            b.append(word);
            line += word.length();
        }
        return b.append('\n').toString();
    }

    /** Every field's dotted path, arrays as []; sorted. */
    static String paths(JsonNode n) {
        SortedSet<String> out = new TreeSet<>();
        collect(n, "", out);
        return String.join(" ", out);
    }

    private static void collect(JsonNode n, String at, SortedSet<String> out) {
        if (n.isObject()) {
            boolean anyKey = ID_KEYED.stream().anyMatch(k -> at.equals(k) || at.endsWith("." + k));
            n.properties().forEach(e -> {
                String p = (at.isEmpty() ? "" : at + ".") + (anyKey ? "*" : e.getKey());
                out.add(p);
                collect(e.getValue(), p, out);
            });
        } else if (n.isArray()) {
            n.forEach(item -> collect(item, at + "[]", out));
        }
    }
}
