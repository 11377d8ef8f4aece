package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.app.KioskApp;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.RunningKiosk;
import vn.kiosk.testing.TestBroker;

/** The shipped broker ACL (config/mosquitto/aclfile) keeps each role to its own commands and replies. */
class BrokerAclTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BASE = "kiosk/phuong-ben-thanh/kiosk-01/";

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();

    @Test
    void eachRoleReachesOnlyItsOwnCommandsAndReplies() throws Exception {
        Assumptions.assumeTrue(TestBroker.mosquittoInstalled(), "needs mosquitto for ACLs");
        Map<String, String> accounts = Map.of("phuong-ben-thanh/kiosk-01", "kiosk-secret", "robot", "robot-secret",
                "tech", "tech-secret", "monitor", "monitor-secret");
        try (TestBroker broker = TestBroker.withAccounts(kiosk.dir().resolve("broker"), accounts, Path.of("../config/mosquitto/aclfile"))) {
            KioskApp app = kiosk.start("""
                    mqtt: { url: "%s", username: "phuong-ben-thanh/kiosk-01", password: kiosk-secret, reconnectMinMillis: 20 }
                    """.formatted(broker.url())).app();
            try (MqttProbe robot = MqttProbe.connect(broker.url(), "robot", "robot-secret").subscribe("kiosk/#", 1);
                 MqttProbe tech = MqttProbe.connect(broker.url(), "tech", "tech-secret").subscribe("kiosk/#", 1);
                 MqttProbe monitor = MqttProbe.connect(broker.url(), "monitor", "monitor-secret").subscribe("kiosk/#", 1)) {
                Poll.until(WAIT, "the kiosk to connect with its own account", () -> app.fleet().isConnected());
                robot.await(WAIT, "robots can read the kiosk's status", m -> m.topic().equals(BASE + "status"));

                robot.publish(BASE + "cmd/tech/maintenance.set", "{\"id\": \"sneaky\", \"args\": {\"on\": true}}");
                robot.publish(BASE + "cmd/robot/queue.status", "{\"id\": \"fair\"}");
                robot.await(WAIT, "the robot's own reply", m -> m.topic().equals(BASE + "reply/robot/fair"));
                tech.publish(BASE + "cmd/tech/device.status", "{\"id\": \"t1\"}");
                tech.await(WAIT, "the technician's reply", m -> m.topic().equals(BASE + "reply/tech/t1"));
                monitor.await(WAIT, "the monitor sees replies and events", m -> m.topic().equals(BASE + "reply/tech/t1"));

                assertTrue(robot.received().stream().noneMatch(m -> m.topic().contains("/reply/tech/")),
                        "a robot cannot read technicians' replies");
                assertTrue(monitor.received().stream().noneMatch(m -> m.topic().endsWith("reply/tech/sneaky")),
                        "the broker dropped the robot's tech command: the kiosk never answered it");
                assertEquals(false, app.maintenance().isOn(), "and the kiosk never ran it");
            } finally {
                kiosk.stop(); // before the broker goes
            }
        }
    }
}
