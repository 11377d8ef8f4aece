package vn.kiosk.hw.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.DeviceUrl;
import vn.kiosk.hw.printer.EscPos;
import vn.kiosk.hw.printer.MonoBitmap;
import vn.kiosk.hw.printer.QrBitmap;

/** The camera path: JPEG frames of QR codes (noise, scale, rotation) streamed as MJPEG by a real child process. */
class CameraScannerTest {

    @TempDir
    Path dir;

    /** A 640×480 camera-like frame: the code scaled, rotated, on a grey background with noise. */
    static BufferedImage frame(String payload, double scale, double degrees, long seed) {
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

    static byte[] jpeg(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void readsQrCodesFromAnMjpegStream() throws Exception {
        String payload = "079050001234|023456789|Trần Văn Bình|15031950|Nam|12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh|20042021";
        Files.write(dir.resolve("1.jpg"), jpeg(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB))); // nothing to see yet
        Files.write(dir.resolve("2.jpg"), jpeg(frame(payload, 3.0, 12, 1)));
        Files.write(dir.resolve("3.jpg"), jpeg(frame("000.00.19.H29-250714-0042", 5.0, -20, 2)));

        List<String> codes = new CopyOnWriteArrayList<>();
        // The frames come through a real child process as one MJPEG stream, paced like a slow camera.
        String command = "cd " + dir + " && for f in 1 2 3; do cat $f.jpg; sleep 0.3; done; sleep 30";
        CameraScanner camera = (CameraScanner) Scanners.open(DeviceUrl.parse("camera:" + command),
                Duration.ofSeconds(3), 2048, Clock.systemUTC());
        camera.start(codes::add);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (codes.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        camera.close();
        assertTrue(codes.contains(payload), "ID card QR read: " + codes);
        assertTrue(codes.contains("000.00.19.H29-250714-0042"), "dossier QR read: " + codes);
        assertEquals(3, camera.counters()[0], "three frames read");
    }

    @Test
    void splitsFramesAtTheirMarkersWhateverTheChunks() {
        List<byte[]> frames = new CopyOnWriteArrayList<>();
        MjpegSplitter s = new MjpegSplitter(1000, frames::add);
        byte[] stream = {0x00, (byte) 0xFF, (byte) 0xD8, 1, 2, (byte) 0xFF, (byte) 0xD9, 0x55, (byte) 0xFF, (byte) 0xD8, 3,
            (byte) 0xFF, (byte) 0xD9};
        for (byte b : stream) {
            s.accept(new byte[] {b}, 1);
        }
        assertEquals(2, frames.size());
        assertEquals(6, frames.get(0).length);
    }
}
