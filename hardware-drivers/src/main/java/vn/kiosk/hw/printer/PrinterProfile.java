package vn.kiosk.hw.printer;

import java.util.Locale;

/**
 * What a printer model can do: paper width in dots (58 mm = 384, 80 mm = 576), whether it prints
 * QR codes itself, the number it gives CP1258 (Epson 52; clones 94, 27, 35 or 32) and how to print
 * Vietnamese on it.
 */
public record PrinterProfile(String name, int paperWidthDots, boolean nativeQr, int codePage, TextMode textMode) {

    public enum TextMode {
        /** Text in code page CP1258 with combining tone marks: fewest bytes. */
        CP1258,
        /** Lines with Vietnamese letters printed as images: works on any printer, more bytes. */
        RASTER,
        /** Diacritics removed: a last resort. */
        ASCII;

        public static TextMode parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PrinterProfile {
        if (paperWidthDots < 200 || paperWidthDots > 1000) {
            throw new IllegalArgumentException("paper width " + paperWidthDots + " dots is not a receipt printer's");
        }
    }
}
