package vn.kiosk.hw.printer;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** A QR code as a raster image (ZXing's encoder), for printers without native QR support. */
public final class QrBitmap {

    private QrBitmap() { }

    /**
     * @param moduleDots dots per QR module
     * @param quietModules the white border in modules (4 by the standard; 0 when the paper around it is blank anyway)
     */
    public static MonoBitmap encode(String data, int moduleDots, EscPos.QrErrorCorrection ec, int quietModules) {
        try {
            BitMatrix m = new QRCodeWriter().encode(data, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.valueOf(ec.name()),
                    EncodeHintType.MARGIN, quietModules));
            int size = m.getWidth() * moduleDots;
            return MonoBitmap.draw(size, size, (x, y) -> m.get(x / moduleDots, y / moduleDots));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode QR: " + e.getMessage(), e);
        }
    }
}
