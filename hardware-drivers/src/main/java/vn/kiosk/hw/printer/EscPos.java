package vn.kiosk.hw.printer;

import java.io.ByteArrayOutputStream;

/**
 * Builds an ESC/POS byte stream (Epson's command set, which the clones follow) for what a ticket
 * needs. Byte formats: Epson ESC/POS Application Programming Guide; see ../shared/GUIDE.md §3.
 * Every method appends and returns this builder; {@link #bytes()} gives the stream.
 */
public final class EscPos {

    public static final byte ESC = 0x1B;
    public static final byte GS = 0x1D;
    public static final byte DLE = 0x10;
    public static final byte EOT = 0x04;
    public static final byte LF = 0x0A;

    /** Print mode bits for ESC ! n. */
    public static final int MODE_FONT_B = 0x01;
    public static final int MODE_BOLD = 0x08;
    public static final int MODE_DOUBLE_HEIGHT = 0x10;
    public static final int MODE_DOUBLE_WIDTH = 0x20;
    public static final int MODE_UNDERLINE = 0x80;

    public enum Justify { LEFT, CENTER, RIGHT }

    /** QR error correction levels and their ESC/POS codes (48..51). */
    public enum QrErrorCorrection {
        L(48), M(49), Q(50), H(51);

        final int code;

        QrErrorCorrection(int code) {
            this.code = code;
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    /** ESC @: clears the print buffer and resets modes. */
    public EscPos initialize() {
        return raw(ESC, '@');
    }

    /** ESC t n: selects the character code table (the code page number depends on the printer model). */
    public EscPos codeTable(int n) {
        return raw(ESC, 't', checkByte(n, "code table"));
    }

    /** ESC ! n: font, bold, double height/width, underline (MODE_* bits). */
    public EscPos printMode(int modeBits) {
        return raw(ESC, '!', checkByte(modeBits, "print mode"));
    }

    /** GS ! n: character size, each 1..8 times. */
    public EscPos charSize(int width, int height) {
        if (width < 1 || width > 8 || height < 1 || height > 8) {
            throw new IllegalArgumentException("character size must be 1..8, got " + width + "x" + height);
        }
        return raw(GS, '!', ((width - 1) << 4) | (height - 1));
    }

    /** ESC a n. */
    public EscPos justify(Justify j) {
        return raw(ESC, 'a', j.ordinal());
    }

    /** Text already encoded for the selected code table. */
    public EscPos text(byte[] encoded) {
        out.writeBytes(encoded);
        return this;
    }

    public EscPos newline() {
        return raw(LF);
    }

    /** ESC J n: prints the buffer and feeds n dots (blank paper costs no raster bytes). */
    public EscPos feedDots(int n) {
        return raw(ESC, 'J', checkByte(n, "feed dots"));
    }

    /** ESC d n: prints the buffer and feeds n lines. */
    public EscPos feedLines(int n) {
        return raw(ESC, 'd', checkByte(n, "feed lines"));
    }

    /**
     * A QR code printed by the printer itself (GS ( k, function 165..181): model 2, module size,
     * error correction, store, print. The store length is the data's byte count + 3, never its
     * character count: non-ASCII data would otherwise be cut.
     */
    public EscPos qr(byte[] data, int moduleSize, QrErrorCorrection ec) {
        if (moduleSize < 1 || moduleSize > 16) {
            throw new IllegalArgumentException("QR module size must be 1..16, got " + moduleSize);
        }
        if (data.length == 0 || data.length > 7089) {
            throw new IllegalArgumentException("QR data must be 1..7089 bytes, got " + data.length);
        }
        raw(GS, '(', 'k', 4, 0, '1', 'A', 50, 0);            // model 2
        raw(GS, '(', 'k', 3, 0, '1', 'C', moduleSize);        // module size
        raw(GS, '(', 'k', 3, 0, '1', 'E', ec.code);           // error correction
        int len = data.length + 3;
        raw(GS, '(', 'k', len & 0xFF, (len >> 8) & 0xFF, '1', 'P', '0');
        out.writeBytes(data);
        return raw(GS, '(', 'k', 3, 0, '1', 'Q', '0');         // print
    }

    /** GS v 0: a raster bit image, normal density (one bit per dot, MSB = leftmost). */
    public EscPos raster(MonoBitmap image) {
        int xBytes = image.bytesPerRow();
        int y = image.height();
        if (xBytes > 0xFFFF || y > 0xFFFF) {
            throw new IllegalArgumentException("raster image too large: " + image.width() + "x" + y);
        }
        raw(GS, 'v', '0', 0, xBytes & 0xFF, (xBytes >> 8) & 0xFF, y & 0xFF, (y >> 8) & 0xFF);
        out.writeBytes(image.data());
        return this;
    }

    /** GS V 66 n: feeds n dots, then a partial cut (leaves a hinge so the ticket does not fall). */
    public EscPos feedAndPartialCut(int feedDots) {
        return raw(GS, 'V', 66, checkByte(feedDots, "feed before cut"));
    }

    /** GS V 0 / GS V 1: full or partial cut at the current position. */
    public EscPos cut(boolean partial) {
        return raw(GS, 'V', partial ? 1 : 0);
    }

    /** DLE EOT n: real-time status request (n = 1 printer, 2 offline cause, 3 error cause, 4 paper). */
    public static byte[] statusRequest(int n) {
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("DLE EOT n must be 1..4, got " + n);
        }
        return new byte[] {DLE, EOT, (byte) n};
    }

    /**
     * GS r 1: paper sensor status, answered only once the data before it has been processed
     * (printed). Used to confirm that a job got onto paper.
     */
    public static byte[] paperStatusAfterPrinting() {
        return new byte[] {GS, 'r', 1};
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    public int size() {
        return out.size();
    }

    private EscPos raw(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    private static int checkByte(int n, String what) {
        if (n < 0 || n > 255) {
            throw new IllegalArgumentException(what + " must be 0..255, got " + n);
        }
        return n;
    }
}
