package vn.kiosk.hw.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Golden bytes for every command, from Epson's ESC/POS reference (../shared/GUIDE.md §3). */
class EscPosTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void simpleCommands() {
        assertArrayEquals(bytes(0x1B, 0x40), new EscPos().initialize().bytes());
        assertArrayEquals(bytes(0x1B, 0x74, 52), new EscPos().codeTable(52).bytes());
        assertArrayEquals(bytes(0x1B, 0x21, 0x38), new EscPos().printMode(EscPos.MODE_BOLD | EscPos.MODE_DOUBLE_HEIGHT
                | EscPos.MODE_DOUBLE_WIDTH).bytes());
        assertArrayEquals(bytes(0x1D, 0x21, 0x00), new EscPos().charSize(1, 1).bytes());
        assertArrayEquals(bytes(0x1D, 0x21, 0x33), new EscPos().charSize(4, 4).bytes());
        assertArrayEquals(bytes(0x1D, 0x21, 0x77), new EscPos().charSize(8, 8).bytes());
        assertArrayEquals(bytes(0x1B, 0x61, 0), new EscPos().justify(EscPos.Justify.LEFT).bytes());
        assertArrayEquals(bytes(0x1B, 0x61, 1), new EscPos().justify(EscPos.Justify.CENTER).bytes());
        assertArrayEquals(bytes(0x1B, 0x61, 2), new EscPos().justify(EscPos.Justify.RIGHT).bytes());
        assertArrayEquals(bytes(0x1B, 0x64, 3), new EscPos().feedLines(3).bytes());
        assertArrayEquals(bytes(0x1D, 0x56, 0x00), new EscPos().cut(false).bytes());
        assertArrayEquals(bytes(0x1D, 0x56, 0x01), new EscPos().cut(true).bytes());
        assertArrayEquals(bytes(0x1D, 0x56, 0x42, 0x10), new EscPos().feedAndPartialCut(16).bytes());
        assertArrayEquals(bytes(0x10, 0x04, 0x02), EscPos.statusRequest(2));
        assertArrayEquals(bytes(0x1D, 0x72, 0x01), EscPos.paperStatusAfterPrinting());
    }

    @Test
    void qrUsesModel2AndTheByteCountNotTheCharacterCount() {
        byte[] data = "Số A012".getBytes(StandardCharsets.UTF_8); // 7 characters, 9 bytes (ố is 3 in UTF-8)
        assertEquals(9, data.length);
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(bytes(0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 50, 0x00));
        out.writeBytes(bytes(0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 6));
        out.writeBytes(bytes(0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 49));
        out.writeBytes(bytes(0x1D, 0x28, 0x6B, 9 + 3, 0x00, 0x31, 0x50, 0x30));
        out.writeBytes(data);
        out.writeBytes(bytes(0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30));
        assertArrayEquals(out.toByteArray(), new EscPos().qr(data, 6, EscPos.QrErrorCorrection.M).bytes());
    }

    @Test
    void qrLengthAbove255UsesTheHighByte() {
        byte[] data = new byte[300];
        java.util.Arrays.fill(data, (byte) 'x');
        byte[] b = new EscPos().qr(data, 3, EscPos.QrErrorCorrection.L).bytes();
        // the store command starts after three 8/9-byte commands: 9 + 8 + 8 = 25
        assertEquals(303 & 0xFF, b[25 + 3] & 0xFF);
        assertEquals(303 >> 8, b[25 + 4] & 0xFF);
    }

    @Test
    void rasterHeaderGivesBytesPerRowAndRows() {
        MonoBitmap img = MonoBitmap.draw(20, 2, (x, y) -> x == 0);
        byte[] b = new EscPos().raster(img).bytes();
        assertArrayEquals(bytes(0x1D, 0x76, 0x30, 0x00, 3, 0, 2, 0, 0x80, 0, 0, 0x80, 0, 0), b);
    }

    @Test
    void outOfRangeArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EscPos().charSize(9, 1));
        assertThrows(IllegalArgumentException.class, () -> new EscPos().qr(new byte[0], 3, EscPos.QrErrorCorrection.M));
        assertThrows(IllegalArgumentException.class, () -> new EscPos().qr(new byte[1], 17, EscPos.QrErrorCorrection.M));
        assertThrows(IllegalArgumentException.class, () -> EscPos.statusRequest(5));
    }
}
