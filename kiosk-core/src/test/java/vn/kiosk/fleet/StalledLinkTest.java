package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.app.KioskApp;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.RunningKiosk;
import vn.kiosk.testing.TestBroker;

/**
 * A link that looks connected but hears nothing (the state a dead Paho receive thread leaves, here
 * made by a proxy that swallows every byte) is noticed within seconds, not at the next keep-alive
 * timeout: the self-test says so, and the kiosk reconnects and answers again.
 */
class StalledLinkTest {

    private static final String BASE = "kiosk/phuong-ben-thanh/kiosk-01/";

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private TestBroker broker;
    private ReconnectLeakTest.CuttingProxy proxy;

    @BeforeEach
    void brokerBehindAProxy() throws Exception {
        broker = TestBroker.start(kiosk.dir().resolve("broker"));
        proxy = new ReconnectLeakTest.CuttingProxy(broker.port());
    }

    @AfterEach
    void stop() throws Exception {
        try (TestBroker b = broker; ReconnectLeakTest.CuttingProxy p = proxy) {
            kiosk.stop(); // before the broker goes
        }
    }

    /** The kiosk connected to the broker through the proxy, with these settings besides the URL. */
    private KioskApp connectedThroughTheProxy(String mqttSettings) throws Exception {
        KioskApp app = kiosk.start("mqtt: { url: \"tcp://127.0.0.1:%d\", reconnectMinMillis: 20, reconnectMaxMillis: 300, %s }\n"
                .formatted(proxy.port(), mqttSettings)).app();
        Poll.until(Duration.ofSeconds(10), "the kiosk to connect", app.fleet().connection()::isConnected);
        return app;
    }

    @Test
    void aLinkThatHearsNothingFailsTheSelfTestAndIsReplaced() throws Exception {
        KioskApp app = connectedThroughTheProxy("keepAliveSeconds: 30");
        MqttConnection connection = app.fleet().connection();
        try (MqttProbe robot = MqttProbe.connect(broker.url()).subscribe(BASE + "reply/#", 1)) {
            long connects = connection.connects();
            proxy.swallow(true);
            Poll.until(Duration.ofSeconds(8), "the self-test to see the silent link", () -> brokerCheck(app).equals("FAIL"));
            proxy.swallow(false);
            Poll.until(Duration.ofSeconds(8), "a new session", () -> connection.connects() > connects && connection.isConnected());
            robot.publish(BASE + "cmd/robot/queue.status", "{\"id\": \"after-stall\"}");
            MqttProbe.Message reply = robot.await(Duration.ofSeconds(5), "the reply after the stall",
                    m -> m.topic().equals(BASE + "reply/robot/after-stall"));
            assertEquals(200, reply.json().get("code").asInt());
            assertEquals("PASS", brokerCheck(app));
        }
    }

    /**
     * A broker (or a proxy before it) that takes the TCP connection and never answers CONNECT: the
     * attempt is given connectTimeoutSeconds, then a new connection is tried. Paho's client stays
     * "connecting" after such an attempt, and a kiosk that went on with it was offline for good.
     */
    @Test
    void aBrokerThatTakesTheConnectionButNeverAnswersItIsLeftAndTriedAgain() throws Exception {
        KioskApp app = connectedThroughTheProxy("connectTimeoutSeconds: 2");
        MqttConnection connection = app.fleet().connection();
        long connects = connection.connects();
        proxy.swallow(true);
        proxy.cutAll();
        Poll.until(Duration.ofSeconds(5), "a CONNECT that goes unanswered", () -> proxy.silenced() > 0);
        proxy.swallow(false); // the broker answers again; that one connection never will
        Poll.until(Duration.ofSeconds(8), "a new session", () -> connection.connects() > connects && connection.isConnected());
        assertEquals("PASS", brokerCheck(app));
    }

    private static String brokerCheck(KioskApp app) {
        return app.selfTest().checks().stream().filter(c -> c.name().equals("broker")).map(c -> c.result().name())
                .findFirst().orElseThrow();
    }
}
