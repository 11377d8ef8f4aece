package vn.kiosk.hw.scanner;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import vn.kiosk.hw.printer.EscPos;
import vn.kiosk.hw.printer.MonoBitmap;
import vn.kiosk.hw.printer.QrBitmap;

/** Camera-like test frames: a QR code scaled, rotated, on grey with noise, as JPEG. */
public final class CameraScannerTestFrames {

    private CameraScannerTestFrames() { }

    /** A 640×480 camera-like frame: the code scaled, rotated, on a grey background with noise. */
    public static BufferedImage frame(String payload, double scale, double degrees, long seed) {
        MonoBitmap qr = QrBitmap.encode(payload, 1, EscPos.QrErrorCorrection.M, 4);
        BufferedImage code = new BufferedImage(qr.width(), qr.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < qr.height(); y++) {
            for (int x = 0; x < qr.width(); x++) {
                code.setRGB(x, y, qr.isBlack(x, y) ? 0x202020 : 0xF0F0F0);
            }
        }
        BufferedImage f = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = f.createGraphics();
        g.setColor(new Color(0x80, 0x80, 0x80));
        g.fillRect(0, 0, 640, 480);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.translate(320, 240);
        g.rotate(Math.toRadians(degrees));
        int size = (int) (qr.width() * scale);
        g.drawImage(code, -size / 2, -size / 2, size, size, null);
        g.dispose();
        Random r = new Random(seed);
        for (int i = 0; i < 640 * 480 / 10; i++) {
            int x = r.nextInt(640);
            int y = r.nextInt(480);
            int v = (f.getRGB(x, y) & 0xFF) + r.nextInt(41) - 20;
            v = Math.max(0, Math.min(255, v));
            f.setRGB(x, y, v << 16 | v << 8 | v);
        }
        return f;
    }

    public static byte[] jpeg(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /**
     * A frame as a camera's raw YUV 4:2:0 (I420: rpicam-vid --codec yuv420): the Y plane, then
     * the two chroma planes at a quarter size each (grey: 128).
     */
    public static byte[] yuv420(BufferedImage image) {
        byte[] y = grey(image);
        byte[] out = new byte[y.length * 3 / 2];
        System.arraycopy(y, 0, out, 0, y.length);
        java.util.Arrays.fill(out, y.length, out.length, (byte) 128);
        return out;
    }

    /** A frame as 8-bit grey, one byte a pixel, row by row (ffmpeg -pix_fmt gray -f rawvideo). */
    public static byte[] grey(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] y = new byte[w * h];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int v = image.getRGB(col, row);
                y[row * w + col] = (byte) ((((v >> 16) & 0xFF) + 2 * ((v >> 8) & 0xFF) + (v & 0xFF)) >> 2);
            }
        }
        return y;
    }
}
