package vn.kiosk.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import vn.kiosk.app.KioskApp;
import vn.kiosk.hw.testing.Poll;

/**
 * The command tests' fixture: a kiosk in this JVM linked to a private broker, its HTTP API, and a
 * probe that hears every reply. Closed in reverse order.
 */
public record FleetKiosk(TestBroker broker, KioskApp app, MqttProbe probe, Api api) implements AutoCloseable {

    /** The default site and device's topics. */
    public static final String BASE = "kiosk/phuong-ben-thanh/kiosk-01/";

    public static FleetKiosk start(Path dir) throws Exception {
        TestBroker broker = TestBroker.start(dir.resolve("broker"));
        KioskApp app = null;
        try {
            int port = Ports.free();
            app = new KioskApp(TestConfigs.load(dir, """
                    mqtt: { url: "%s", reconnectMinMillis: 20, reconnectMaxMillis: 300 }
                    """.formatted(broker.url()), Map.of("KIOSK_HTTP_PORT", String.valueOf(port))), Clock.systemUTC()).start();
            MqttProbe probe = MqttProbe.connect(broker.url()).subscribe(BASE + "reply/#", 1);
            KioskApp started = app;
            Poll.until(Duration.ofSeconds(10), "the kiosk to connect", () -> started.fleet().isConnected());
            return new FleetKiosk(broker, app, probe, new Api(port));
        } catch (Exception | AssertionError e) {
            if (app != null) {
                app.close();
            }
            broker.close();
            throw e;
        }
    }

    @Override
    public void close() {
        probe.close();
        app.close();
        broker.close();
    }
}
