package vn.kiosk.hw.scanner;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * A frame's luminance as ZXing reads it, taken from the frame's own pixels. Not through
 * {@code getRGB}: that converts every pixel to sRGB first (3 ms of a 640×480 frame's 3.5 ms), and
 * takes a grey frame's values for linear light, brightening them (150 becomes 202) until a dim code
 * is lost. A grey frame is used as it is, without a copy; colour is weighed as ZXing does
 * ((R + 2G + B) / 4); any other layout falls back to getRGB.
 */
final class FrameLuminance {

    private FrameLuminance() { }

    static LuminanceSource of(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        Raster r = frame.getRaster();
        int x0 = -r.getSampleModelTranslateX();
        int y0 = -r.getSampleModelTranslateY();
        if (r.getSampleModel() instanceof ComponentSampleModel m && r.getDataBuffer() instanceof DataBufferByte b
                && b.getNumBanks() == 1) {
            byte[] data = b.getData();
            int stride = m.getScanlineStride();
            int step = m.getPixelStride();
            if (frame.getType() == BufferedImage.TYPE_BYTE_GRAY && step == 1) {
                int base = b.getOffset() + m.getBandOffsets()[0];
                return new PlanarYUVLuminanceSource(data, stride, data.length / stride, x0 + base % stride,
                        y0 + base / stride, w, h, false);
            }
            if (frame.getType() == BufferedImage.TYPE_3BYTE_BGR && step == 3) {
                int[] off = m.getBandOffsets(); // R, G, B
                byte[] y = new byte[w * h];
                for (int row = 0; row < h; row++) {
                    int p = b.getOffset() + (y0 + row) * stride + x0 * 3;
                    int q = row * w;
                    for (int col = 0; col < w; col++, p += 3) {
                        y[q + col] = (byte) (((data[p + off[0]] & 0xFF) + 2 * (data[p + off[1]] & 0xFF)
                                + (data[p + off[2]] & 0xFF)) >> 2);
                    }
                }
                return new PlanarYUVLuminanceSource(y, w, h, 0, 0, w, h, false);
            }
        }
        if (r.getSampleModel() instanceof SinglePixelPackedSampleModel m && r.getDataBuffer() instanceof DataBufferInt b
                && (frame.getType() == BufferedImage.TYPE_INT_RGB || frame.getType() == BufferedImage.TYPE_INT_ARGB)) {
            int[] data = b.getData();
            int stride = m.getScanlineStride();
            byte[] y = new byte[w * h];
            for (int row = 0; row < h; row++) {
                int p = b.getOffset() + (y0 + row) * stride + x0;
                int q = row * w;
                for (int col = 0; col < w; col++) {
                    int v = data[p + col];
                    y[q + col] = (byte) ((((v >> 16) & 0xFF) + 2 * ((v >> 8) & 0xFF) + (v & 0xFF)) >> 2);
                }
            }
            return new PlanarYUVLuminanceSource(y, w, h, 0, 0, w, h, false);
        }
        return new RGBLuminanceSource(w, h, frame.getRGB(0, 0, w, h, null, 0, w));
    }
}
