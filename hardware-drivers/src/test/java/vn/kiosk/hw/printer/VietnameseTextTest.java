package vn.kiosk.hw.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every Vietnamese letter, both cases, all tones: never a '?'. */
class VietnameseTextTest {

    /** The 12 vowels × 6 tones, đ, and the consonants, in both cases. */
    static final String ALPHABET;

    static {
        String vowels = "aăâeêioôơuưy";
        String[] tones = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};
        StringBuilder b = new StringBuilder();
        for (char v : vowels.toCharArray()) {
            for (String t : tones) {
                b.append(Normalizer.normalize(v + t, Normalizer.Form.NFC));
            }
        }
        b.append("đbcdghklmnpqrstvx");
        ALPHABET = b + b.toString().toUpperCase();
    }

    @Test
    void theAlphabetHas134VowelLettersPerCase() {
        assertEquals(2 * (72 + 17), ALPHABET.length());
    }

    @Test
    void cp1258RoundTripsEveryLetter() {
        byte[] encoded = Cp1258.encode(ALPHABET);
        assertFalse(new String(encoded, StandardCharsets.ISO_8859_1).contains("?"), "no letter became '?'");
        assertEquals(ALPHABET, Cp1258.decode(encoded));
        assertEquals("Trả kết quả", Cp1258.decode(Cp1258.encode("Trả kết quả")));
    }

    @Test
    void javasOwnEncoderAloneWouldPrintQuestionMarks() {
        byte[] naive = "ế ệ ạ".getBytes(Cp1258.CHARSET);
        assertTrue(new String(naive, StandardCharsets.ISO_8859_1).contains("?"), "the reason Cp1258 exists");
    }

    @Test
    void usesThePrecomposedLetterWhenCp1258HasIt() {
        assertEquals(1, Cp1258.encode("á").length);   // 0xE1
        assertEquals(2, Cp1258.encode("ế").length);   // ê + combining acute
        assertEquals(1, Cp1258.encode("đ").length);
    }

    @Test
    void asciiFoldingKeepsTheLettersReadable() {
        assertEquals("Tra ket qua - Dat dai", AsciiFold.fold("Trả kết quả - Đất đai"));
        String folded = AsciiFold.fold(ALPHABET);
        assertTrue(folded.chars().allMatch(c -> c < 0x80 && c != '?'), folded);
    }

    @Test
    void rasterFontHasEveryLetter() throws Exception {
        TextRasterizer r = TextRasterizer.load(null);
        assertEquals("", r.missingGlyphs(ALPHABET));
        MonoBitmap line = r.render("Hỗ trợ dịch vụ công trực tuyến", 24, false, 576);
        assertEquals(24, line.height());
        assertTrue(line.width() < 576, "cropped to the text's own width, not the paper's");
        assertTrue(blackDots(line) > 200, "something was drawn");
    }

    @Test
    void dejaVuSansMonoWouldMissLettersAndTheCheckSeesIt() throws Exception {
        Path mono = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf");
        Assumptions.assumeTrue(Files.exists(mono), "DejaVu Sans Mono not installed");
        assertFalse(TextRasterizer.load(mono).missingGlyphs(ALPHABET).isEmpty());
    }

    static int blackDots(MonoBitmap b) {
        int n = 0;
        for (int y = 0; y < b.height(); y++) {
            for (int x = 0; x < b.width(); x++) {
                n += b.isBlack(x, y) ? 1 : 0;
            }
        }
        return n;
    }
}
