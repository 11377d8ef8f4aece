package vn.kiosk.hw.scanner;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a QR code in a camera frame with ZXing. Restricted to QR (otherwise the 1D readers run
 * first for nothing), no PURE_BARCODE (camera frames are not pure). A reader is not thread-safe:
 * one decoder per thread.
 */
public final class QrFrameDecoder {

    private final QRCodeReader reader = new QRCodeReader();
    private final Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    private final JpegLuminance jpegs = new JpegLuminance();

    public QrFrameDecoder() {
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
    }

    /** A frame as it is: its own luminance, no colour round trip ({@link FrameLuminance}). */
    public Optional<String> decode(BufferedImage frame) {
        return decode(FrameLuminance.of(frame));
    }

    /** A camera's JPEG frame, read from its Y channel ({@link JpegLuminance}); not a JPEG: no code. */
    public Optional<String> decodeJpeg(byte[] jpeg) {
        try {
            LuminanceSource source = jpegs.read(jpeg);
            return source == null ? Optional.empty() : decode(source);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** A raw luminance plane, one byte a pixel, row by row (a camera's Y plane or grey frame), read as it is. */
    public Optional<String> decodeLuminance(byte[] luma, int width, int height) {
        return decode(new PlanarYUVLuminanceSource(luma, width, height, 0, 0, width, height, false));
    }

    public Optional<String> decode(LuminanceSource source) {
        try {
            return Optional.of(reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (ReaderException e) {
            return Optional.empty(); // checksum or format error: a half-visible code, try the next frame
        } finally {
            reader.reset();
        }
    }
}
