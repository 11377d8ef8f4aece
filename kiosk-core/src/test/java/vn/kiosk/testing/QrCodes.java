package vn.kiosk.testing;

import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;

import java.awt.image.BufferedImage;

/** Reads the QR code on a printed ticket's picture, as a citizen's phone would. */
public final class QrCodes {

    private QrCodes() { }

    public static String decode(BufferedImage page) throws NotFoundException, ChecksumException, FormatException {
        return vn.kiosk.hw.printer.PrintedQr.read(page);
    }
}
