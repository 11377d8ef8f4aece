package vn.kiosk.hw.scanner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every scanner passes its codes through: the same code read again within the window counts
 * once (a QR held under the scanner is read many times a second), and over-long input or binary
 * garbage is dropped. Log lines say why and how long, never what the code said (it may be an ID card).
 * For the repeat check only a salted hash of the last code is kept, never the code itself.
 */
public final class ScanFilter {

    private static final Logger log = LoggerFactory.getLogger(ScanFilter.class);

    private final Duration window;
    private final int maxLength;
    private final Clock clock;
    private final byte[] salt = new byte[16];
    private byte[] lastDigest;
    private long lastAt;

    public ScanFilter(Duration window, int maxLength, Clock clock) {
        this.window = window;
        this.maxLength = maxLength;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    /** Wraps a listener so that it sees only accepted codes, and hears of input it refused. */
    public ScanListener wrap(ScanListener listener) {
        return new ScanListener() {
            @Override
            public void onCode(String code) {
                String refused = refusal(code);
                if (refused != null) {
                    listener.onUnreadable(refused);
                } else if (fresh(code)) {
                    listener.onCode(code);
                }
            }

            @Override
            public void onUnreadable(String reason) {
                listener.onUnreadable(reason);
            }
        };
    }

    public synchronized boolean accept(String code) {
        return refusal(code) == null && fresh(code);
    }

    /** Why the input cannot be a code (logged: how long, never what), or null when it may be one. */
    private String refusal(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        String why = null;
        if (code.length() > maxLength) {
            why = code.length() + " characters, more than " + maxLength;
        } else {
            long binary = code.chars().filter(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7F || c == 0xFFFD).count();
            if (binary > 0) {
                why = binary + " control or undecodable characters in " + code.length() + " characters";
            }
        }
        if (why != null) {
            log.warn("scanned input rejected: {}", why);
        }
        return why;
    }

    /** False for an empty code, and for the same code read again within the window. */
    private synchronized boolean fresh(String code) {
        if (code == null || code.isEmpty()) {
            return false;
        }
        long now = clock.millis();
        byte[] digest = digest(code);
        if (Arrays.equals(digest, lastDigest) && now - lastAt < window.toMillis()) {
            lastAt = now;
            return false;
        }
        lastDigest = digest;
        lastAt = now;
        return true;
    }

    private byte[] digest(String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
