package vn.kiosk.hw.printer;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** Vietnamese without diacritics (Trả kết quả → Tra ket qua; đ → d): a last resort for printers with neither CP1258 nor raster. */
public final class AsciiFold {

    private AsciiFold() { }

    public static String fold(String text) {
        String nfd = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(c < 0x80 ? c : '?');
        }
        return out.toString();
    }

    public static byte[] encode(String text) {
        return fold(text).getBytes(StandardCharsets.US_ASCII);
    }
}
