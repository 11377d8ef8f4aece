package vn.kiosk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.kiosk.app.KioskApp;
import vn.kiosk.hw.testing.Poll;

/**
 * The command tests' fixture: before each test, a private broker, a kiosk in this JVM linked to it
 * (a {@link RunningKiosk}, so its scratch directory and HTTP port come from there) and a probe that
 * hears every reply; closed after the test, probe first. Register with
 * {@code @RegisterExtension final FleetKiosk kiosk = new FleetKiosk();}.
 */
public final class FleetKiosk implements BeforeEachCallback, AfterEachCallback {

    /** The default site and device's topics. */
    public static final String BASE = "kiosk/phuong-ben-thanh/kiosk-01/";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RunningKiosk kiosk = new RunningKiosk();
    private TestBroker broker;
    private MqttProbe probe;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        kiosk.beforeEach(context);
        broker = TestBroker.start(Files.createDirectories(kiosk.dir().resolve("broker")));
        kiosk.start("""
                mqtt: { url: "%s", reconnectMinMillis: 20, reconnectMaxMillis: 300 }
                """.formatted(broker.url()));
        probe = MqttProbe.connect(broker.url()).subscribe(BASE + "reply/#", 1);
        Poll.until(WAIT, "the kiosk to connect", () -> kiosk.app().fleet().isConnected());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (probe != null) {
                probe.close();
            }
            kiosk.stop();
            if (broker != null) {
                broker.close();
            }
        } finally {
            probe = null;
            broker = null;
            kiosk.afterEach(context);
        }
    }

    public KioskApp app() {
        return kiosk.app();
    }

    public Api api() {
        return kiosk.api();
    }

    public MqttProbe probe() {
        return probe;
    }

    /** Publishes {@code {"id": id, "args": args}} on {@code cmd/role/name} and returns the kiosk's reply. */
    public JsonNode command(String role, String name, String id, String args) throws Exception {
        probe.publish(BASE + "cmd/" + role + "/" + name, "{\"id\": \"" + id + "\", \"args\": " + args + "}");
        return reply(role, id);
    }

    /** The first reply on {@code reply/role/id}. */
    public JsonNode reply(String role, String id) {
        return probe.await(WAIT, "reply to " + id, m -> m.topic().equals(BASE + "reply/" + role + "/" + id)).json();
    }
}
