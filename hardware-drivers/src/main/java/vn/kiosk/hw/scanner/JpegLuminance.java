package vn.kiosk.hw.scanner;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A camera's JPEG frame as luminance, read from the JPEG's own Y channel: the image reader's raw
 * raster is the stored YCbCr (or grey) without a colour conversion, and Y is what ZXing needs. One
 * reader, reused: not thread-safe, one per decoding thread.
 */
final class JpegLuminance {

    private final ImageReader reader;

    JpegLuminance() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        reader = readers.hasNext() ? readers.next() : null;
    }

    /** The frame's luminance, or null when the bytes are not a JPEG this reader can read. */
    LuminanceSource read(byte[] jpeg) throws IOException {
        if (reader == null) {
            return null;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            Raster raster = reader.readRaster(0, null);
            int w = raster.getWidth();
            int h = raster.getHeight();
            if (raster.getSampleModel() instanceof ComponentSampleModel m && raster.getDataBuffer() instanceof DataBufferByte b
                    && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
                byte[] data = b.getData();
                int step = m.getPixelStride();
                int first = b.getOffset() + m.getBandOffsets()[0];
                if (step == 1 && m.getScanlineStride() == w && first == 0) {
                    return new PlanarYUVLuminanceSource(data, w, h, 0, 0, w, h, false);
                }
                byte[] y = new byte[w * h]; // Y of interleaved YCbCr: every step-th byte
                int stride = m.getScanlineStride();
                for (int row = 0; row < h; row++) {
                    int p = first + row * stride;
                    int q = row * w;
                    for (int col = 0; col < w; col++, p += step) {
                        y[q + col] = data[p];
                    }
                }
                return new PlanarYUVLuminanceSource(y, w, h, 0, 0, w, h, false);
            }
            int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            byte[] y = new byte[w * h];
            for (int i = 0; i < y.length; i++) {
                y[i] = (byte) samples[i];
            }
            return new PlanarYUVLuminanceSource(y, w, h, 0, 0, w, h, false);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("not a readable JPEG: " + e.getMessage(), e);
        } finally {
            reader.setInput(null);
        }
    }
}
