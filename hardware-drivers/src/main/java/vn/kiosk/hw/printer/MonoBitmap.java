package vn.kiosk.hw.printer;

import java.awt.image.BufferedImage;

/**
 * A one-bit image in the printer's raster layout: rows of {@code ceil(width / 8)} bytes, the most
 * significant bit is the leftmost dot, 1 = black.
 */
public record MonoBitmap(int width, int height, byte[] data) {

    public MonoBitmap {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("empty bitmap " + width + "x" + height);
        }
        if (data.length != ((width + 7) / 8) * height) {
            throw new IllegalArgumentException("bitmap data has " + data.length + " bytes, expected " + ((width + 7) / 8) * height);
        }
    }

    public int bytesPerRow() {
        return (width + 7) / 8;
    }

    public boolean isBlack(int x, int y) {
        return (data[y * bytesPerRow() + x / 8] & (0x80 >> (x % 8))) != 0;
    }

    /** Blank rows at the top. */
    public int blankRowsTop() {
        int bpr = bytesPerRow();
        for (int y = 0; y < height; y++) {
            for (int i = 0; i < bpr; i++) {
                if (data[y * bpr + i] != 0) {
                    return y;
                }
            }
        }
        return height;
    }

    /** Blank rows at the bottom. */
    public int blankRowsBottom() {
        int bpr = bytesPerRow();
        for (int y = height - 1; y >= 0; y--) {
            for (int i = 0; i < bpr; i++) {
                if (data[y * bpr + i] != 0) {
                    return height - 1 - y;
                }
            }
        }
        return height;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public MonoBitmap rows(int from, int to) {
        return new MonoBitmap(width, to - from, java.util.Arrays.copyOfRange(data, from * bytesPerRow(), to * bytesPerRow()));
    }

    /** As a black-and-white image (for screens and PNG files). */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, isBlack(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    /** Dots darker than half grey (luminance below 128) become black. */
    public static MonoBitmap of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int bpr = (w + 7) / 8;
        byte[] data = new byte[bpr * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                int alpha = (argb >>> 24) & 0xFF;
                int lum = (((argb >> 16) & 0xFF) * 299 + ((argb >> 8) & 0xFF) * 587 + (argb & 0xFF) * 114) / 1000;
                if (alpha >= 128 && lum < 128) {
                    data[y * bpr + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return new MonoBitmap(w, h, data);
    }

    /** A bitmap where {@code black.test(x, y)} is true for each black dot. */
    public static MonoBitmap draw(int width, int height, DotPredicate black) {
        int bpr = (width + 7) / 8;
        byte[] data = new byte[bpr * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (black.test(x, y)) {
                    data[y * bpr + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return new MonoBitmap(width, height, data);
    }

    @FunctionalInterface
    public interface DotPredicate {
        boolean test(int x, int y);
    }
}
