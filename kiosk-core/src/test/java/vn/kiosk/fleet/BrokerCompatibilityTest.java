package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.app.KioskApp;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.NatsBroker;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestBroker;
import vn.kiosk.testing.TestConfigs;

/**
 * The fleet contract (retained status, commands and replies, events in order, offline on stop)
 * against each MQTT 3.1.1 broker on this machine: Mosquitto, NATS's MQTT listener, RabbitMQ's MQTT
 * plugin (tcp://127.0.0.1:1884, enabled by .ci/run; skipped where absent) and the embedded broker.
 */
class BrokerCompatibilityTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String BASE = "kiosk/phuong-ben-thanh/kiosk-01/";
    static final String RABBITMQ_MQTT = System.getProperty("kiosk.test.rabbitmqMqtt", "tcp://127.0.0.1:1884");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mosquitto", "nats", "rabbitmq", "embedded"})
    void theFleetContractHolds(String kind) throws Exception {
        AutoCloseable broker;
        String url;
        switch (kind) {
            case "mosquitto" -> {
                TestBroker b = TestBroker.mosquitto(dir.resolve("broker"));
                broker = b;
                url = b.url();
            }
            case "nats" -> {
                Assumptions.assumeTrue(NatsBroker.installed(), "nats-server not installed");
                NatsBroker b = NatsBroker.start(dir.resolve("nats"));
                broker = b;
                url = b.url();
            }
            case "rabbitmq" -> {
                Assumptions.assumeTrue(reachable(RABBITMQ_MQTT), "RabbitMQ's MQTT plugin is not listening on " + RABBITMQ_MQTT);
                broker = () -> { };
                url = RABBITMQ_MQTT;
            }
            default -> {
                EmbeddedBroker b = EmbeddedBroker.start(Ports.free());
                broker = b;
                url = b.url();
            }
        }
        String device = "compat-" + kind + "-" + System.nanoTime() % 100000; // brokers that keep retained messages
        String base = "kiosk/phuong-ben-thanh/" + device + "/";
        int port = Ports.free();
        try (broker; MqttProbe probe = MqttProbe.connect(url).subscribe(base + "#", 1)) {
            KioskApp app = new KioskApp(TestConfigs.load(dir, "mqtt: { url: \"" + url + "\", reconnectMinMillis: 50 }\n",
                    Map.of("KIOSK_HTTP_PORT", String.valueOf(port), "KIOSK_DEVICE", device)), Clock.systemUTC()).start();
            try {
                probe.await(WAIT, "online status", m -> m.topic().equals(base + "status") && m.json().path("online").asBoolean());
                try (MqttProbe late = MqttProbe.connect(url).subscribe(base + "status", 1)) {
                    assertTrue(late.await(WAIT, "the retained status", m -> true).json().path("online").asBoolean());
                }
                // NATS 2.9 refuses '.' in MQTT topics and RabbitMQ 3.10 does not match it with '+':
                // there the dash spelling is used, which works on every broker.
                boolean dashes = kind.equals("nats") || kind.equals("rabbitmq");
                String command = dashes ? "queue-status" : "queue.status";
                String id = dashes ? "q-1" : "q.1";
                probe.publish(base + "cmd/robot/" + command, "{\"id\": \"" + id + "\"}");
                JsonNode reply = probe.await(WAIT, "the reply", m -> m.topic().equals(base + "reply/robot/" + id)).json();
                assertEquals(200, reply.get("code").asInt());
                Api api = new Api(port);
                for (int i = 0; i < 3; i++) {
                    assertEquals(201, api.post("/api/tickets", "{\"serviceId\": \"land\"}").status());
                }
                Poll.until(WAIT, "three ticket.issued events", () -> issued(probe, base).size() == 3);
                List<Long> seqs = issued(probe, base);
                assertTrue(seqs.get(0) < seqs.get(1) && seqs.get(1) < seqs.get(2), "in order: " + seqs);
                Poll.until(WAIT, "the kiosk's link check to come back through the broker",
                        () -> app.fleet().connection().echoes() > 0);
            } finally {
                app.close();
            }
            probe.await(WAIT, "offline on a clean stop", m -> m.topic().equals(base + "status")
                    && !m.json().path("online").asBoolean(true));
        }
    }

    private static List<Long> issued(MqttProbe probe, String base) {
        return probe.received().stream().filter(m -> m.topic().equals(base + "events"))
                .map(MqttProbe.Message::json).filter(e -> e.path("type").asText().equals("ticket.issued"))
                .map(e -> e.get("seq").asLong()).distinct().toList();
    }

    private static boolean reachable(String url) {
        String hostPort = url.replaceFirst("^tcp://", "");
        int colon = hostPort.lastIndexOf(':');
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
