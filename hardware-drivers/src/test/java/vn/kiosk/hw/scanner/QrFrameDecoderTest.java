package vn.kiosk.hw.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.kiosk.hw.printer.EscPos;
import vn.kiosk.hw.printer.MonoBitmap;
import vn.kiosk.hw.printer.QrBitmap;

/**
 * The camera path reads a frame's luminance as the camera gave it. A grey frame went through
 * getRGB, which takes its grey as linear light and brightens it (a 150 background became 202):
 * this low-contrast code was then never found, though bare ZXing read it every time.
 */
class QrFrameDecoderTest {

    private static final String PAYLOAD = "079050001234|023456789|Trần Văn Bình|15031950|Nam|12 Lê Lợi|20042021";

    private final QrFrameDecoder decoder = new QrFrameDecoder();

    /** A 640×480 grey frame: background 150, the code's dark modules 110 and light ones 170 (a dim counter). */
    static BufferedImage dimGreyFrame() {
        MonoBitmap qr = QrBitmap.encode(PAYLOAD, 1, EscPos.QrErrorCorrection.M, 4);
        BufferedImage f = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) f.getRaster().getDataBuffer()).getData();
        Arrays.fill(pixels, (byte) 150);
        int scale = 4;
        int ox = 320 - qr.width() * scale / 2;
        int oy = 240 - qr.height() * scale / 2;
        for (int y = 0; y < qr.height() * scale; y++) {
            for (int x = 0; x < qr.width() * scale; x++) {
                pixels[(oy + y) * 640 + ox + x] = (byte) (qr.isBlack(x / scale, y / scale) ? 110 : 170);
            }
        }
        return f;
    }

    @Test
    void aDimGreyFrameIsReadFromItsOwnLuminance() {
        assertEquals(Optional.of(PAYLOAD), decoder.decode(dimGreyFrame()));
    }

    @Test
    void colourFramesOfEveryLayoutAreRead() {
        BufferedImage rgb = CameraScannerTestFrames.frame(PAYLOAD, 5.0, 8, 1);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_ARGB,
                BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_USHORT_565_RGB}) {
            BufferedImage copy = new BufferedImage(rgb.getWidth(), rgb.getHeight(), type);
            copy.getGraphics().drawImage(rgb, 0, 0, null);
            assertEquals(Optional.of(PAYLOAD), decoder.decode(copy), "image type " + type);
        }
        BufferedImage part = rgb.getSubimage(40, 30, 560, 420); // a raster that starts inside a larger one
        assertEquals(Optional.of(PAYLOAD), decoder.decode(part));
    }

    @Test
    void aJpegIsReadFromItsLuminanceChannelColourOrGrey() throws Exception {
        byte[] colour = CameraScannerTestFrames.jpeg(CameraScannerTestFrames.frame(PAYLOAD, 5.0, 8, 1));
        assertEquals(Optional.of(PAYLOAD), decoder.decodeJpeg(colour));
        byte[] grey = CameraScannerTestFrames.jpeg(dimGreyFrame());
        assertEquals(Optional.of(PAYLOAD), decoder.decodeJpeg(grey));
        assertEquals(Optional.empty(), decoder.decodeJpeg(new byte[] {1, 2, 3}), "not a JPEG: no code, no exception");
    }
}
