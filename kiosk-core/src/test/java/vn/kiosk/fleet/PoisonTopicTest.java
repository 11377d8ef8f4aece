package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.app.KioskApp;
import vn.kiosk.health.SelfTest;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.RunningKiosk;
import vn.kiosk.testing.TestBroker;

/**
 * A command topic Paho cannot decode (an emoji: Paho 1.2.5 refuses every character outside the
 * basic plane, and its receive thread dies of the IllegalArgumentException) must not leave the
 * kiosk deaf. Published with mosquitto_pub, as a robot account may under the shipped ACL.
 */
class PoisonTopicTest {

    private static final String BASE = "kiosk/phuong-ben-thanh/kiosk-01/";

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();

    @Test
    void aValidCommandAfterTopicsPahoCannotDecodeIsAnsweredWithinFiveSeconds() throws Exception {
        Assumptions.assumeTrue(TestBroker.mosquittoInstalled(), "needs mosquitto and mosquitto_pub");
        try (TestBroker broker = TestBroker.start(kiosk.dir().resolve("broker"))) {
            KioskApp app = kiosk.start("""
                    mqtt: { url: "%s", reconnectMinMillis: 20, reconnectMaxMillis: 300 }
                    """.formatted(broker.url())).app();
            try (MqttProbe robot = MqttProbe.connect(broker.url()).subscribe(BASE + "reply/#", 1)) {
                Poll.until(Duration.ofSeconds(10), "the kiosk to connect", () -> app.fleet().isConnected());
                for (String name : new String[] {"\uD83D\uDE00", "ticket.issue\uD83E\uDD16", "\uD83D\uDE00/x"}) {
                    mosquittoPub(broker.port(), BASE + "cmd/robot/" + name, "{\"id\": \"poison\"}");
                }
                robot.publish(BASE + "cmd/robot/queue.status", "{\"id\": \"after-1\"}");
                MqttProbe.Message reply = robot.await(Duration.ofSeconds(5), "the reply to a valid command after the poison",
                        m -> m.topic().equals(BASE + "reply/robot/after-1"));
                assertEquals(200, reply.json().get("code").asInt());
                SelfTest.Check brokerCheck = app.selfTest().checks().stream()
                        .filter(c -> c.name().equals("broker")).findFirst().orElseThrow();
                assertEquals(SelfTest.Result.PASS, brokerCheck.result(), brokerCheck.detail());
            } finally {
                kiosk.stop(); // before the broker goes
            }
        }
    }

    /** Paho cannot publish such a topic either (it writes modified UTF-8, which the broker refuses). */
    static void mosquittoPub(int port, String topic, String payload) throws Exception {
        mosquittoPub(port, topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static void mosquittoPub(int port, String topic, byte[] payload) throws Exception {
        Process p = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-q", "1",
                "-t", topic, payload.length == 0 ? "-n" : "-s").redirectErrorStream(true).start();
        try (var stdin = p.getOutputStream()) {
            stdin.write(payload);
        }
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("mosquitto_pub failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }
}
