package vn.kiosk.hw.printer;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

/** Draws what a thermal printer puts on paper: text lines, blank feed, bitmaps, and whole tickets. */
final class PaperRenderer {

    static final int LINE_HEIGHT = 30;   // ESC 2 default line spacing, in dots
    private static final int CELL_HEIGHT = 24;   // font A

    private final int paperWidthDots;
    private final int cp1258CodePage;
    private final Font regular;
    private final Font bold;

    /** @param fontFile a font with Vietnamese letters; null = the system defaults */
    PaperRenderer(int paperWidthDots, int cp1258CodePage, Path fontFile) {
        this.paperWidthDots = paperWidthDots;
        this.cp1258CodePage = cp1258CodePage;
        Font r;
        Font b;
        try {
            TextRasterizer fonts = TextRasterizer.load(fontFile);
            r = fonts.regularFont();
            b = fonts.boldFont();
        } catch (IOException e) {
            r = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            b = r.deriveFont(Font.BOLD);
        }
        this.regular = r;
        this.bold = b;
    }

    /** One printed line of {@code bytes} in the printer's code table, print mode (ESC !) and size (GS !). */
    BufferedImage line(byte[] bytes, int codeTable, int mode, int sizeW, int sizeH, EscPos.Justify justify) {
        int height = Math.max(LINE_HEIGHT, CELL_HEIGHT * sizeH + 6);
        BufferedImage img = blank(height);
        if (bytes.length == 0) {
            return img;
        }
        Charset cs = codeTable == cp1258CodePage ? Cp1258.CHARSET : Charset.forName("IBM437");
        String text = Normalizer.normalize(new String(bytes, cs), Normalizer.Form.NFC);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            Font f = ((mode & EscPos.MODE_BOLD) != 0 ? bold : regular).deriveFont(CELL_HEIGHT * sizeH * 0.8f)
                    .deriveFont(AffineTransform.getScaleInstance((double) sizeW / sizeH, 1));
            g.setFont(f);
            FontRenderContext frc = g.getFontRenderContext();
            double width = f.getStringBounds(text, frc).getWidth();
            double x = switch (justify) {
                case LEFT -> 0;
                case CENTER -> (paperWidthDots - width) / 2;
                case RIGHT -> paperWidthDots - width;
            };
            g.drawString(text, (float) Math.max(0, x), CELL_HEIGHT * sizeH * 0.85f);
        } finally {
            g.dispose();
        }
        return img;
    }

    BufferedImage blank(int height) {
        BufferedImage img = new BufferedImage(paperWidthDots, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, paperWidthDots, height);
        g.dispose();
        return img;
    }

    /** A raster or QR image placed on the paper according to the justification. */
    BufferedImage bitmap(MonoBitmap bmp, EscPos.Justify justify) {
        BufferedImage img = blank(bmp.height());
        int width = Math.min(bmp.width(), paperWidthDots);
        int x0 = switch (justify) {
            case LEFT -> 0;
            case CENTER -> (paperWidthDots - width) / 2;
            case RIGHT -> paperWidthDots - width;
        };
        for (int y = 0; y < bmp.height(); y++) {
            for (int x = 0; x < width; x++) {
                if (bmp.isBlack(x, y)) {
                    img.setRGB(x0 + x, y, 0xFF000000);
                }
            }
        }
        return img;
    }

    /** A cut ticket: the strips one under the other; null when there are none. */
    BufferedImage page(List<BufferedImage> strips) {
        int height = strips.stream().mapToInt(BufferedImage::getHeight).sum();
        if (height == 0) {
            return null;
        }
        BufferedImage page = new BufferedImage(paperWidthDots, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        int y = 0;
        for (BufferedImage s : strips) {
            g.drawImage(s, 0, y, null);
            y += s.getHeight();
        }
        g.dispose();
        return page;
    }
}
