package vn.kiosk.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** TLS to the broker from PEM files (the kiosk and the fleet console): the CA that signed the broker, and optionally a client certificate and key. */
public final class TlsSockets {

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL);

    private TlsSockets() { }

    /**
     * @param caFile   null = the JVM's trusted CAs
     * @param certFile null = no client certificate (then keyFile is ignored)
     */
    public static SSLSocketFactory factory(Path caFile, Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caFile != null) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate ca : certificates(caFile)) {
                trust.setCertificateEntry("ca-" + i++, ca);
            }
            tmf.init(trust);
        } else {
            tmf.init((KeyStore) null);
        }
        KeyManagerFactory kmf = null;
        if (certFile != null) {
            KeyStore identity = KeyStore.getInstance(KeyStore.getDefaultType());
            identity.load(null, null);
            char[] none = new char[0];
            identity.setKeyEntry("client", privateKey(keyFile), none, certificates(certFile).toArray(new Certificate[0]));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(identity, none);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }

    private static Collection<? extends Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(pem)));
        if (certs.isEmpty()) {
            throw new GeneralSecurityException(pem + " holds no PEM certificate");
        }
        return certs;
    }

    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        Matcher m = PRIVATE_KEY.matcher(Files.readString(pem));
        if (!m.find()) {
            throw new GeneralSecurityException(pem + " holds no PKCS#8 private key (-----BEGIN PRIVATE KEY-----); "
                    + "convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException tryNext) {
                // not this algorithm
            }
        }
        throw new GeneralSecurityException(pem + ": unsupported private key algorithm (RSA, EC or Ed25519 expected)");
    }
}
