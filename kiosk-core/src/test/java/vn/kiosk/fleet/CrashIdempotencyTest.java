package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestBroker;

/**
 * ticket.issue over MQTT is idempotent across kill -9: a robot sends a burst of requests, the kiosk
 * is killed in the middle of it three times (after a ticket commits and before its reply is kept,
 * among other moments), and when the robot retries every id afterwards each id has exactly one ticket.
 */
class CrashIdempotencyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BASE = "kiosk/phuong-ben-thanh/kiosk-01/";
    private static final int REQUESTS = 60;

    @TempDir
    Path dir;

    @Test
    void everyRequestIdGetsExactlyOneTicketAcrossThreeKillMinus9() throws Exception {
        try (TestBroker broker = TestBroker.start(dir.resolve("broker"));
             MqttProbe robot = MqttProbe.connect(broker.url()).subscribe(BASE + "reply/robot/#", 1)
                     .subscribe(BASE + "events", 1)) {
            int port = Ports.free();
            Map<String, String> env = env(broker);
            for (int round = 0; round < 3; round++) {
                KioskProcess kiosk = KioskProcess.start(dir, port, env, "run").awaitReady(WAIT);
                Poll.until(WAIT, "the kiosk online", () -> robot.received().stream().anyMatch(m ->
                        m.topic().equals(BASE + "events") && m.json().path("type").asText().equals("printer.state")));
                long issuedBefore = issuedEvents(robot);
                for (int i = 0; i < REQUESTS; i++) {
                    send(robot, i);
                }
                // kill as soon as a ticket is committed (its event is out) while the burst goes on
                Poll.until(WAIT, "a ticket of round " + round, () -> issuedEvents(robot) > issuedBefore);
                kiosk.kill9();
            }
            try (KioskProcess kiosk = KioskProcess.start(dir, port, env, "run").awaitReady(WAIT)) {
                Set<String> answered = new HashSet<>();
                for (int i = 0; i < REQUESTS; i++) {
                    send(robot, i);
                }
                Map<String, String> ticketOf = new HashMap<>();
                Poll.until(WAIT, "a reply to every request", () -> {
                    for (MqttProbe.Message m : robot.received()) {
                        if (m.topic().startsWith(BASE + "reply/robot/")) {
                            JsonNode r = m.json();
                            if (r.path("code").asInt() == 200) {
                                answered.add(r.get("id").asText());
                                String ticket = r.path("data").path("id").asText();
                                String before = ticketOf.putIfAbsent(r.get("id").asText(), ticket);
                                assertEquals(before == null ? ticket : before, ticket, "request " + r.get("id") + " got two tickets");
                            }
                        }
                    }
                    return answered.size() == REQUESTS;
                });
                int tickets = kiosk.api().get("/api/queue").body().get("waitingTotal").asInt();
                assertEquals(REQUESTS, tickets, "tickets for " + REQUESTS + " request ids");
                assertEquals(REQUESTS, new HashSet<>(ticketOf.values()).size());
            }
        }
    }

    private static void send(MqttProbe robot, int i) throws Exception {
        robot.publish(BASE + "cmd/robot/ticket.issue", "{\"id\": \"burst-" + i + "\", \"args\": {\"serviceId\": \"land\"}}");
    }

    private static long issuedEvents(MqttProbe robot) {
        return robot.received().stream().filter(m -> m.topic().equals(BASE + "events"))
                .map(m -> m.json().path("data").path("ticketId").asText(""))
                .filter(id -> !id.isEmpty()).distinct().count();
    }

    private Map<String, String> env(TestBroker broker) throws Exception {
        Path config = dir.resolve("fleet.yaml");
        Files.writeString(config, "mqtt: { reconnectMinMillis: 50, reconnectMaxMillis: 500 }\n");
        return Map.of("KIOSK_DATA_DIR", dir.resolve("data").toString(), "KIOSK_MQTT_URL", broker.url(),
                "KIOSK_CONFIG", config.toString());
    }
}
