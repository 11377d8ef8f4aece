package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.app.KioskApp;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestBroker;
import vn.kiosk.testing.TestPki;
import vn.kiosk.testing.TestConfigs;

/** ssl:// with the broker's CA and a client certificate, against Mosquitto requiring one. */
class TlsLinkTest {

    @TempDir
    Path dir;

    @Test
    void connectsOverTlsWithAClientCertificateAndNotWithout() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki")).sign("client", "kiosk-01", "DNS:localhost,IP:127.0.0.1");
        String tls = pki.brokerTls("server", true);
        try (TestBroker broker = TestBroker.withConfig(dir.resolve("broker"), tls)) {
            String url = "ssl://localhost:" + broker.port();
            KioskApp withCert = new KioskApp(TestConfigs.load(dir, """
                    mqtt: { url: "%s", caFile: "%s", certFile: "%s", keyFile: "%s", reconnectMinMillis: 50 }
                    """.formatted(url, pki.ca(), pki.cert("client"), pki.key("client")),
                    Map.of("KIOSK_HTTP_PORT", String.valueOf(Ports.free()))), Clock.systemUTC()).start();
            try {
                Poll.until(Duration.ofSeconds(15), "a TLS connection", () -> withCert.fleet().isConnected());
            } finally {
                withCert.close();
            }
            long handshakesBefore = refusedHandshakes(broker);
            KioskApp noCert = new KioskApp(TestConfigs.load(dir.resolve("second"), """
                    mqtt: { url: "%s", caFile: "%s", reconnectMinMillis: 50 }
                    """.formatted(url, pki.ca()), Map.of("KIOSK_HTTP_PORT", String.valueOf(Ports.free()))),
                    Clock.systemUTC()).start();
            try {
                // The kiosk must really try (the broker sees and refuses its handshakes), and never get in.
                Poll.until(Duration.ofSeconds(15), "two handshakes without a certificate refused by the broker",
                        () -> refusedHandshakes(broker) >= handshakesBefore + 2);
                Poll.never(Duration.ofSeconds(2), "a connection without a client certificate",
                        () -> noCert.fleet().isConnected());
                assertTrue(refusedHandshakes(broker) >= handshakesBefore + 2);
            } finally {
                noCert.close();
            }
        }
        // a broker whose certificate names another host is refused (the kiosk does TLS itself, see BoundedSockets)
        pki.sign("other", "elsewhere.example", "DNS:elsewhere.example");
        String otherTls = pki.brokerTls("other", false);
        try (TestBroker other = TestBroker.withConfig(dir.resolve("other-broker"), otherTls)) {
            KioskApp wrongHost = new KioskApp(TestConfigs.load(dir.resolve("third"), """
                    mqtt: { url: "ssl://localhost:%d", caFile: "%s", reconnectMinMillis: 50 }
                    """.formatted(other.port(), pki.ca()), Map.of("KIOSK_HTTP_PORT", String.valueOf(Ports.free()))),
                    Clock.systemUTC()).start();
            try {
                Poll.never(Duration.ofSeconds(3), "a connection to a broker whose certificate names another host",
                        () -> wrongHost.fleet().isConnected());
            } finally {
                wrongHost.close();
            }
        }
    }

    /** Handshakes the broker refused for want of a client certificate, from its log. */
    private static long refusedHandshakes(TestBroker broker) {
        return broker.log().lines().filter(l -> l.contains("peer did not return a certificate")).count();
    }
}
