package vn.kiosk.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away certificate authority made with openssl for TLS tests: a CA, and certificates it
 * signs for a host name (a broker) or a client, as PEM files in a folder. Skips the test where
 * openssl or mosquitto is missing.
 */
public final class TestPki {

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** A new CA in {@code dir}, and a certificate for the broker on localhost / 127.0.0.1 named "server". */
    public static TestPki create(Path dir) throws Exception {
        Assumptions.assumeTrue(TestBroker.mosquittoInstalled() && Files.isExecutable(Path.of("/usr/bin/openssl")),
                "needs mosquitto and openssl");
        TestPki pki = new TestPki(Files.createDirectories(dir));
        pki.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=Kiosk Test CA");
        pki.sign("server", "localhost", "DNS:localhost,IP:127.0.0.1");
        return pki;
    }

    /** Signs a certificate {@code name}.pem with its key {@code name}.key for {@code commonName} and the subject alt names. */
    public TestPki sign(String name, String commonName, String altNames) throws Exception {
        Files.writeString(dir.resolve(name + ".ext"), "subjectAltName=" + altNames + "\n");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + commonName);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
        return this;
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    public Path cert(String name) {
        return dir.resolve(name + ".pem");
    }

    public Path key(String name) {
        return dir.resolve(name + ".key");
    }

    /** Mosquitto listener options: TLS with the certificate {@code name}, client certificates required or not. */
    public String brokerTls(String name, boolean requireClientCertificate) {
        return "cafile " + ca() + "\ncertfile " + cert(name) + "\nkeyfile " + key(name) + "\n"
                + (requireClientCertificate ? "require_certificate true\n" : "") + "allow_anonymous true\n";
    }

    private void openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + out);
        }
    }
}
