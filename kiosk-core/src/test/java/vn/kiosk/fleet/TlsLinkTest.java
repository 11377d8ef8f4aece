package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.app.KioskApp;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestBroker;
import vn.kiosk.testing.TestConfigs;

/** ssl:// with the broker's CA and a client certificate, against Mosquitto requiring one. */
class TlsLinkTest {

    @TempDir
    Path dir;

    @Test
    void connectsOverTlsWithAClientCertificateAndNotWithout() throws Exception {
        Assumptions.assumeTrue(TestBroker.mosquittoInstalled() && Files.isExecutable(Path.of("/usr/bin/openssl")),
                "needs mosquitto and openssl");
        Path pki = Files.createDirectories(dir.resolve("pki"));
        openssl(pki, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=Kiosk Test CA");
        Files.writeString(pki.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        for (String name : List.of("server", "client")) {
            openssl(pki, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                    "-subj", "/CN=" + (name.equals("server") ? "localhost" : "kiosk-01"));
            openssl(pki, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", name + ".pem", "-days", "2", "-extfile", "san.ext");
        }
        String tls = "cafile " + pki.resolve("ca.pem") + "\ncertfile " + pki.resolve("server.pem") + "\nkeyfile "
                + pki.resolve("server.key") + "\nrequire_certificate true\nallow_anonymous true\n";
        try (TestBroker broker = TestBroker.withConfig(dir.resolve("broker"), tls)) {
            String url = "ssl://localhost:" + broker.port();
            KioskApp withCert = new KioskApp(TestConfigs.load(dir, """
                    mqtt: { url: "%s", caFile: "%s", certFile: "%s", keyFile: "%s", reconnectMinMillis: 50 }
                    """.formatted(url, pki.resolve("ca.pem"), pki.resolve("client.pem"), pki.resolve("client.key")),
                    Map.of("KIOSK_HTTP_PORT", String.valueOf(Ports.free()))), Clock.systemUTC()).start();
            try {
                Poll.until(Duration.ofSeconds(15), "a TLS connection", () -> withCert.fleet().isConnected());
            } finally {
                withCert.close();
            }
            long handshakesBefore = refusedHandshakes(broker);
            KioskApp noCert = new KioskApp(TestConfigs.load(dir.resolve("second"), """
                    mqtt: { url: "%s", caFile: "%s", reconnectMinMillis: 50 }
                    """.formatted(url, pki.resolve("ca.pem")), Map.of("KIOSK_HTTP_PORT", String.valueOf(Ports.free()))),
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
        Files.writeString(pki.resolve("other.ext"), "subjectAltName=DNS:elsewhere.example\n");
        openssl(pki, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "other.key", "-out", "other.csr",
                "-subj", "/CN=elsewhere.example");
        openssl(pki, "x509", "-req", "-in", "other.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "other.pem", "-days", "2", "-extfile", "other.ext");
        String otherTls = "cafile " + pki.resolve("ca.pem") + "\ncertfile " + pki.resolve("other.pem") + "\nkeyfile "
                + pki.resolve("other.key") + "\nallow_anonymous true\n";
        try (TestBroker other = TestBroker.withConfig(dir.resolve("other-broker"), otherTls)) {
            KioskApp wrongHost = new KioskApp(TestConfigs.load(dir.resolve("third"), """
                    mqtt: { url: "ssl://localhost:%d", caFile: "%s", reconnectMinMillis: 50 }
                    """.formatted(other.port(), pki.resolve("ca.pem")), Map.of("KIOSK_HTTP_PORT", String.valueOf(Ports.free()))),
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

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + out);
        }
    }
}
