package vn.kiosk.hw.printer;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders text lines as one-bit images for printers that cannot show Vietnamese in a code page.
 * Needs a proportional font with every Vietnamese letter: DejaVu Sans or Noto Sans (DejaVu Sans
 * Mono lacks 46 of them). Images are cropped to the text's own width to keep the bytes few.
 */
public final class TextRasterizer {

    /** Where Debian and Raspberry Pi OS put the fonts (fonts-dejavu-core, fonts-noto-core). */
    public static final List<Path> DEFAULT_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
            Path.of("/usr/share/fonts/truetype/freefont/FreeSans.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"));

    private final Font regular;
    private final Font bold;

    private TextRasterizer(Font regular, Font bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /**
     * Loads the configured font file, or the first of {@link #DEFAULT_FONTS} present.
     *
     * @throws IOException when no usable font exists (the message lists what was tried)
     */
    public static TextRasterizer load(Path configured) throws IOException {
        List<Path> tried = new ArrayList<>();
        for (Path p : configured != null ? List.of(configured) : DEFAULT_FONTS) {
            tried.add(p);
            if (Files.isRegularFile(p)) {
                try {
                    Font base = Font.createFont(Font.TRUETYPE_FONT, p.toFile());
                    Path boldFile = p.resolveSibling(p.getFileName().toString().replace(".ttf", "-Bold.ttf")
                            .replace("-Regular-Bold", "-Bold"));
                    Font boldBase = Files.isRegularFile(boldFile) ? Font.createFont(Font.TRUETYPE_FONT, boldFile.toFile())
                            : base.deriveFont(Font.BOLD);
                    return new TextRasterizer(base, boldBase);
                } catch (FontFormatException e) {
                    throw new IOException("font file " + p + " is not a TrueType font: " + e.getMessage(), e);
                }
            }
        }
        throw new IOException("no font with Vietnamese letters found; tried " + tried
                + " (install fonts-dejavu-core or fonts-noto-core, or set printing.font)");
    }

    Font regularFont() {
        return regular;
    }

    Font boldFont() {
        return bold;
    }

    /** Characters of {@code text} this font has no glyph for (empty = it can print them all). */
    public String missingGlyphs(String text) {
        StringBuilder missing = new StringBuilder();
        text.codePoints().filter(cp -> !Character.isWhitespace(cp) && !regular.canDisplay(cp))
                .forEach(missing::appendCodePoint);
        return missing.toString();
    }

    /**
     * One line of text, {@code heightDots} tall (the font's line height), cropped to the text's
     * width and at most {@code maxWidthDots} wide (longer text is cut at the right).
     */
    public MonoBitmap render(String text, int heightDots, boolean useBold, int maxWidthDots) {
        Font font = (useBold ? bold : regular).deriveFont((float) heightDots * 0.75f);
        FontRenderContext frc = new FontRenderContext(null, false, false);
        GlyphVector glyphs = font.createGlyphVector(frc, text.isEmpty() ? " " : text);
        Rectangle2D bounds = glyphs.getLogicalBounds();
        int width = Math.max(1, Math.min(maxWidthDots, (int) Math.ceil(bounds.getWidth())));
        BufferedImage image = new BufferedImage(width, heightDots, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, heightDots);
            g.setColor(java.awt.Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            float ascent = font.getLineMetrics(text, frc).getAscent();
            float descent = font.getLineMetrics(text, frc).getDescent();
            float baseline = (heightDots + ascent - descent) / 2f;
            g.drawGlyphVector(glyphs, (float) -bounds.getX(), baseline);
        } finally {
            g.dispose();
        }
        return MonoBitmap.of(image);
    }
}
