package vn.kiosk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestBroker;
import vn.kiosk.testing.TestPki;
import vn.kiosk.testing.TestPostgres;

/** The console on an ssl:// broker that requires a client certificate, with PEM files as the kiosk takes them. */
class ConsoleTlsTest {

    private static final String TECH = "fleet-tech-token-0123456789";

    @RegisterExtension
    static final TestPostgres pg = new TestPostgres();
    @TempDir
    Path dir;

    @Test
    void readsTheFleetOverTlsWithAClientCertificate() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki")).sign("console", "fleet-console", "DNS:localhost");
        int plain = Ports.free(); // a second listener without TLS, for the test's stand-in kiosk
        try (TestBroker broker = TestBroker.withConfig(dir.resolve("broker"), pki.brokerTls("server", true)
                + "listener " + plain + " 127.0.0.1\n");
             Console console = Console.start(ConsoleOptions.parse(Map.of("--broker", "ssl://localhost:" + broker.port(),
                     "--db", pg.url(), "--http-port", "0", "--ca-file", pki.ca().toString(),
                     "--cert-file", pki.cert("console").toString(), "--key-file", pki.key("console").toString()),
                     Map.of("FLEET_TECH_TOKEN", TECH)), Clock.systemUTC())) {
            Api api = new Api(console.httpPort());
            try (MqttProbe kiosk = MqttProbe.connect("tcp://127.0.0.1:" + plain)) {
                kiosk.publish("kiosk/site-a/kiosk-01/status", "{\"online\": true, \"version\": \"1.0\"}");
                Poll.until(Duration.ofSeconds(15), "the kiosk seen over TLS", () ->
                        api.get("/api/fleet/devices", TECH).body().size() == 1);
            }
            assertEquals("site-a", api.get("/api/fleet/devices", TECH).body().get(0).get("site").asText());
        }
    }
}
