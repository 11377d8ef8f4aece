package vn.kiosk.hw.bench;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import vn.kiosk.hw.scanner.CameraScannerTestFrames;
import vn.kiosk.hw.scanner.QrFrameDecoder;

/**
 * Benchmark (not a test): decode time per 640×480 camera frame holding an ID card's QR (rotated,
 * light noise), the kiosk's path beside bare ZXing (QR-only hints, its own BufferedImage source),
 * for a colour frame, a grey frame, the camera's JPEG and its raw Y plane. Honest: every method is warmed first,
 * then the methods take turns for 10 rounds and each reports its median round, so none is measured
 * on a colder JIT than another.
 */
public final class QrDecodeBench {

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String payload = "079050001234|023456789|Trần Văn Bình|15031950|Nam|12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh|20042021";
        BufferedImage colour = CameraScannerTestFrames.frame(payload, 5.0, 8, 1);
        BufferedImage grey = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(colour, 0, 0, null);
        byte[] jpeg = CameraScannerTestFrames.jpeg(colour);
        byte[] yPlane = CameraScannerTestFrames.grey(colour); // a raw camera frame's Y plane (format=yuv420 or grey)
        int n = Integer.getInteger("bench.frames", 300);

        MultiFormatReader bare = new MultiFormatReader();
        bare.setHints(Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE)));
        QrFrameDecoder kiosk = new QrFrameDecoder();
        Map<String, Work> methods = new LinkedHashMap<>();
        methods.put("bare colour", () -> check(payload, bare.decodeWithState(bitmap(colour)).getText()));
        methods.put("kiosk colour", () -> check(payload, kiosk.decode(colour).orElseThrow()));
        methods.put("bare grey", () -> check(payload, bare.decodeWithState(bitmap(grey)).getText()));
        methods.put("kiosk grey", () -> check(payload, kiosk.decode(grey).orElseThrow()));
        methods.put("bare jpeg", () -> check(payload, bare.decodeWithState(bitmap(ImageIO.read(new ByteArrayInputStream(jpeg))))
                .getText()));
        methods.put("kiosk jpeg", () -> check(payload, kiosk.decodeJpeg(jpeg).orElseThrow()));
        methods.put("jpeg to image", () -> ImageIO.read(new ByteArrayInputStream(jpeg)));
        methods.put("kiosk raw", () -> check(payload, kiosk.decodeLuminance(yPlane, 640, 480).orElseThrow()));
        for (Work w : methods.values()) { // warm every method before any is measured
            for (int i = 0; i < n; i++) {
                w.run();
            }
        }
        Map<String, List<Double>> rounds = new LinkedHashMap<>();
        for (int round = 0; round < 10; round++) {
            for (var m : methods.entrySet()) {
                long t0 = System.nanoTime();
                for (int i = 0; i < n / 10; i++) {
                    m.getValue().run();
                }
                rounds.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6 / (n / 10));
            }
        }
        Map<String, Double> ms = new LinkedHashMap<>();
        rounds.forEach((k, v) -> {
            Collections.sort(v);
            ms.put(k, v.get(v.size() / 2));
        });
        System.out.printf("QR decode per 640x480 frame (median of 10 alternating rounds): colour: kiosk %.2f ms, bare ZXing "
                        + "%.2f ms (x%.2f); grey: kiosk %.2f ms, bare %.2f ms (x%.2f)%n", ms.get("kiosk colour"),
                ms.get("bare colour"), ms.get("kiosk colour") / ms.get("bare colour"), ms.get("kiosk grey"), ms.get("bare grey"),
                ms.get("kiosk grey") / ms.get("bare grey"));
        System.out.printf("camera JPEG: kiosk (Y channel, no colour conversion) %.2f ms, bare (ImageIO.read then ZXing) %.2f ms "
                        + "(x%.2f; the JPEG to an image alone %.2f ms); at 30 frames/s the kiosk's path is %.1f %% of one core%n",
                ms.get("kiosk jpeg"), ms.get("bare jpeg"), ms.get("kiosk jpeg") / ms.get("bare jpeg"), ms.get("jpeg to image"),
                ms.get("kiosk jpeg") * 30 / 10);
        System.out.printf("camera raw frames (format=yuv420 or grey: the Y plane as it is): kiosk %.2f ms, bare grey %.2f ms "
                + "(x%.2f); at 30 frames/s %.1f %% of one core%n", ms.get("kiosk raw"), ms.get("bare grey"),
                ms.get("kiosk raw") / ms.get("bare grey"), ms.get("kiosk raw") * 30 / 10);
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        return new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    }

    private static void check(String expected, String got) {
        if (!expected.equals(got)) {
            throw new IllegalStateException("decoded something else");
        }
    }
}
