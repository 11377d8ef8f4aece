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

}
