package vn.kiosk.hw.printer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vietnamese text for printers with code page CP1258 (windows-1258).
 *
 * <p>CP1258 holds the base letters â ê ô ă ơ ư đ and only some precomposed toned letters; the other
 * tones are written as a base letter followed by a combining tone mark (U+0300 grave, U+0301 acute,
 * U+0303 tilde, U+0309 hook above, U+0323 dot below). Java's encoder does not decompose on its own
 * and prints '?' for ế ệ ạ, so each letter is taken precomposed when CP1258 has it, else as base
 * letter (with its circumflex, breve or horn composed) plus combining tone mark.
 */
public final class Cp1258 {

    public static final Charset CHARSET = Charset.forName("windows-1258");
    /**
     * Each letter's CP1258 form, worked out once: asking the encoder afresh for every letter of
     * every ticket allocated buffers and an exception per toned letter (a third of a ticket's
     * garbage, and young collections in the ticket's latency). Bounded: text is not unbounded.
     */
    private static final Map<String, String> LETTERS = new ConcurrentHashMap<>();
    private static final int MAX_LETTERS = 4096;

    private Cp1258() { }

    /** Encodes text; a character CP1258 cannot represent at all becomes '?'. */
    public static byte[] encode(String text) {
        if (isAscii(text)) {
            return text.getBytes(StandardCharsets.US_ASCII); // CP1258 is ASCII below 0x80
        }
        CharsetEncoder encoder = CHARSET.newEncoder();
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        int i = 0;
        while (i < nfd.length()) {
            int end = i + Character.charCount(nfd.codePointAt(i));
            while (end < nfd.length() && Character.getType(nfd.charAt(end)) == Character.NON_SPACING_MARK) {
                end++;
            }
            out.append(letter(nfd.substring(i, end), encoder));
            i = end;
        }
        encoder.reset();
        encoder.onUnmappableCharacter(CodingErrorAction.REPLACE).onMalformedInput(CodingErrorAction.REPLACE);
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(out));
            byte[] result = new byte[bytes.remaining()];
            bytes.get(result);
            return result;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never throws
        }
    }

    /** Decodes CP1258 bytes back to (NFC) text: what a printer with this code page shows. */
    public static String decode(byte[] bytes) {
        return Normalizer.normalize(new String(bytes, CHARSET), Normalizer.Form.NFC);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** One base character with its combining marks (NFD), as CP1258 can write it. */
    private static String letter(String cluster, CharsetEncoder encoder) {
        if (cluster.length() == 1 && cluster.charAt(0) < 0x80) {
            return cluster;
        }
        String known = LETTERS.get(cluster);
        if (known == null) {
            known = compose(cluster, encoder);
            if (LETTERS.size() < MAX_LETTERS) {
                LETTERS.put(cluster, known);
            }
        }
        return known;
    }

    private static String compose(String cluster, CharsetEncoder encoder) {
        String nfc = Normalizer.normalize(cluster, Normalizer.Form.NFC);
        if (encoder.canEncode(nfc)) {
            return nfc;
        }
        StringBuilder base = new StringBuilder().append(cluster, 0, Character.charCount(cluster.codePointAt(0)));
        StringBuilder tones = new StringBuilder();
        for (int k = base.length(); k < cluster.length(); k++) {
            char mark = cluster.charAt(k);
            if (isToneMark(mark)) {
                tones.append(mark);
            } else {
                base.append(mark);
            }
        }
        String composed = Normalizer.normalize(base, Normalizer.Form.NFC) + tones;
        return encoder.canEncode(composed) ? composed : "?";
    }

    private static boolean isToneMark(char c) {
        return c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
    }
}
