package vn.kiosk.hw.printer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Receipt} into ESC/POS for one printer profile (not thread-safe: one encoder per printer thread). In raster mode only the lines that
 * need it (with letters beyond ASCII) become images; the rest stays text, which keeps a ticket
 * to a few kilobytes instead of ~35 KB for a full-width image.
 */
public final class ReceiptEncoder {

    private static final int FONT_A_WIDTH = 12;
    private static final int FONT_A_HEIGHT = 24;

    /** Encoded text lines kept (most of a ticket's lines are the same on every ticket), at most this many. */
    private static final int LINES_KEPT = 256;

    private final PrinterProfile profile;
    private final TextRasterizer rasterizer;
    /**
     * A line's bytes by its text: normalising and encoding the same header, service and footer
     * lines again was a tenth of a ticket's CPU (TicketIssueBench's profile). Cleared when full.
     */
    private final Map<String, byte[]> encodedLines = new HashMap<>();

    /** @param rasterizer needed for raster mode and for QR on printers without native QR; may be null otherwise */
    public ReceiptEncoder(PrinterProfile profile, TextRasterizer rasterizer) {
        if (profile.textMode() == PrinterProfile.TextMode.RASTER && rasterizer == null) {
            throw new IllegalArgumentException("raster text mode needs a font");
        }
        this.profile = profile;
        this.rasterizer = rasterizer;
    }

    public byte[] encode(Receipt receipt) {
        EscPos p = new EscPos().initialize();
        mode = 0;
        size = 1;
        align = EscPos.Justify.LEFT;
        if (profile.textMode() == PrinterProfile.TextMode.CP1258) {
            p.codeTable(profile.codePage());
        }
        for (Receipt.Element e : receipt.elements()) {
            switch (e) {
                case Receipt.Line line -> line(p, line);
                case Receipt.Qr qr -> qr(p, qr);
                case Receipt.Feed feed -> p.feedLines(feed.lines());
            }
        }
        return p.feedLines(3).feedAndPartialCut(0).bytes();
    }

    // Print mode, size and justification are sent only when they change: a few bytes a line.
    private int mode;
    private int size;
    private EscPos.Justify align;

    private void set(EscPos p, EscPos.Justify j, int m, int s) {
        if (j != align) {
            p.justify(j);
            align = j;
        }
        if (m != mode) {
            p.printMode(m);
            mode = m;
        }
        if (s != size) {
            p.charSize(s, s);
            size = s;
        }
    }

    private void line(EscPos p, Receipt.Line line) {
        set(p, line.align(), mode, size);
        int columns = Math.max(1, profile.paperWidthDots() / (FONT_A_WIDTH * line.size()));
        for (String part : wrap(line.text(), columns)) {
            boolean ascii = part.chars().allMatch(c -> c < 0x80);
            if (profile.textMode() == PrinterProfile.TextMode.RASTER && !ascii) {
                image(p, rasterizer.render(part, FONT_A_HEIGHT * line.size(), line.bold(), profile.paperWidthDots()));
                continue;
            }
            set(p, line.align(), line.bold() ? EscPos.MODE_BOLD : 0, line.size());
            p.text(encoded(part, ascii)).newline();
        }
    }

    private byte[] encoded(String part, boolean ascii) {
        byte[] known = encodedLines.get(part);
        if (known != null) {
            return known;
        }
        byte[] text = switch (profile.textMode()) {
            case CP1258 -> Cp1258.encode(part);
            case ASCII, RASTER -> ascii ? part.getBytes(StandardCharsets.US_ASCII) : AsciiFold.encode(part);
        };
        if (encodedLines.size() >= LINES_KEPT) {
            encodedLines.clear();
        }
        encodedLines.put(part, text);
        return text;
    }

    private void qr(EscPos p, Receipt.Qr qr) {
        set(p, EscPos.Justify.CENTER, mode, size);
        if (profile.nativeQr()) {
            p.qr(qr.data().getBytes(StandardCharsets.UTF_8), qr.moduleDots(), EscPos.QrErrorCorrection.M);
            p.newline();
        } else {
            // The quiet zone is fed as blank paper rather than sent as white raster rows.
            int quiet = 4 * qr.moduleDots();
            p.feedDots(quiet).raster(QrBitmap.encode(qr.data(), qr.moduleDots(), EscPos.QrErrorCorrection.M, 0)).feedDots(quiet);
        }
    }

    /** A raster image with its blank top and bottom rows fed as paper instead of sent as bytes. */
    private static void image(EscPos p, MonoBitmap bitmap) {
        int top = bitmap.blankRowsTop();
        if (top == bitmap.height()) {
            p.feedDots(bitmap.height());
            return;
        }
        int bottom = bitmap.blankRowsBottom();
        if (top > 0) {
            p.feedDots(top);
        }
        p.raster(bitmap.rows(top, bitmap.height() - bottom));
        if (bottom > 0) {
            p.feedDots(bottom);
        }
    }

    /** Word wrap to {@code columns} characters; words longer than a line are cut. */
    static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > columns) {
                if (current.length() > 0) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                lines.add(word.substring(0, columns));
                word = word.substring(columns);
            }
            if (current.length() > 0 && current.length() + 1 + word.length() > columns) {
                lines.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }
}
