package vn.kiosk.hw.printer;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Reads the QR code on a printed ticket's picture, as a citizen's phone would: the phone looks
 * again from another angle when the first look fails. ZXing's detector misreads about one
 * perfectly crisp, axis-aligned code in a hundred (a 6-dot UUID code read as drawn: 24 of 3,000
 * failed, turned a quarter: 62, and none failed both), which a camera's blur never gives it; the
 * tests asserting on the decoded text failed on such random ticket ids.
 */
public final class PrintedQr {

    private PrintedQr() { }

    public static String read(BufferedImage page) throws NotFoundException, ChecksumException, FormatException {
        try {
            return decode(page);
        } catch (ReaderException asDrawn) {
            try {
                return decode(quarterTurn(page));
            } catch (ReaderException turned) {
                return rethrow(asDrawn);
            }
        }
    }

    private static String decode(BufferedImage image) throws NotFoundException, ChecksumException, FormatException {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private static BufferedImage quarterTurn(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getHeight(), image.getWidth(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(image.getHeight() - 1 - y, x, image.getRGB(x, y));
            }
        }
        return out;
    }

    private static String rethrow(ReaderException e) throws NotFoundException, ChecksumException, FormatException {
        if (e instanceof ChecksumException c) {
            throw c;
        }
        if (e instanceof FormatException f) {
            throw f;
        }
        throw (NotFoundException) e;
    }
}
