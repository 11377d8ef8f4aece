package vn.kiosk.hw.bench;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import vn.kiosk.hw.scanner.CameraScannerTestFrames;
import vn.kiosk.hw.scanner.QrFrameDecoder;

/**
 * Benchmark (not a test): ZXing decode time per 640×480 camera frame holding an ID card's QR
 * (rotated, light noise): bare ZXing with QR-only hints, bare ZXing with default hints, and the
 * kiosk's camera path (QrFrameDecoder); JPEG decoding of the frame is reported apart.
 */
public final class QrDecodeBench {

    public static void main(String[] args) throws Exception {
        String payload = "079050001234|023456789|Trần Văn Bình|15031950|Nam|12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh|20042021";
        BufferedImage frame = CameraScannerTestFrames.frame(payload, 5.0, 8, 1);
        byte[] jpeg = CameraScannerTestFrames.jpeg(frame);
        int n = Integer.getInteger("bench.frames", 300);

        MultiFormatReader qrOnly = new MultiFormatReader();
        qrOnly.setHints(Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE)));
        MultiFormatReader defaults = new MultiFormatReader();
        defaults.setHints(null);
        QrFrameDecoder kiosk = new QrFrameDecoder();

        double bareQr = time(n, () -> check(payload, qrOnly.decodeWithState(bitmap(frame)).getText()));
        double bareDefault = time(n, () -> check(payload, defaults.decodeWithState(bitmap(frame)).getText()));
        double ours = time(n, () -> check(payload, kiosk.decode(frame).orElseThrow()));
        double jpegMs = time(n, () -> ImageIO.read(new ByteArrayInputStream(jpeg)));
        System.out.printf("QR decode per 640x480 frame: bare ZXing QR-only %.2f ms, bare ZXing default hints %.2f ms, "
                + "kiosk camera path %.2f ms (%+.0f %% vs bare QR-only); JPEG decode of the frame %.2f ms%n",
                bareQr, bareDefault, ours, (ours / bareQr - 1) * 100, jpegMs);
        System.out.printf("at 30 fps the decoding costs %.1f %% of one core%n", (ours + jpegMs) * 30 / 10);
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        return new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    }

    private static void check(String expected, String got) {
        if (!expected.equals(got)) {
            throw new IllegalStateException("decoded something else");
        }
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private static double time(int n, Work w) throws Exception {
        for (int i = 0; i < n / 2; i++) {
            w.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            w.run();
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }
}
