package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.TestBroker;

/** The size limits in the shipped config/mosquitto/mosquitto.conf keep a command over 64 KB away from every kiosk. */
class ShippedBrokerLimitTest {

    private static final String CMD = "kiosk/phuong-ben-thanh/kiosk-01/cmd/robot/ticket.issue";

    @TempDir
    Path dir;

    @Test
    void noCommandOver64KbReachesASubscriber() throws Exception {
        Assumptions.assumeTrue(TestBroker.mosquittoInstalled(), "needs mosquitto");
        String limits = Files.readAllLines(Path.of("../config/mosquitto/mosquitto.conf")).stream()
                .filter(l -> l.startsWith("message_size_limit ") || l.startsWith("max_packet_size "))
                .collect(Collectors.joining("\n", "", "\n"));
        assertEquals(2, limits.lines().count(), "the shipped config sets both limits: " + limits);
        try (TestBroker broker = TestBroker.withConfig(dir.resolve("broker"), "allow_anonymous true\n" + limits);
             MqttProbe kiosk = MqttProbe.connect(broker.url()).subscribe(CMD, 1)) {
            for (int size : new int[] {65_537, 100_000}) {
                try (MqttProbe robot = MqttProbe.connect(broker.url())) {
                    robot.publish(CMD, new byte[size]);
                } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                    // the broker disconnects a client that sends a packet over max_packet_size
                }
            }
            try (MqttProbe robot = MqttProbe.connect(broker.url())) {
                robot.publish(CMD, new byte[65_536]);
            }
            MqttProbe.Message last = kiosk.await(Duration.ofSeconds(10), "the message at the limit", m -> true);
            assertEquals(65_536, last.text().length());
            assertEquals(1, kiosk.received().size(), "only the message at the limit arrived");
        }
    }
}
