package vn.kiosk.hw.printer;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * A thermal printer in software: interprets the ESC/POS we send, answers status requests the way
 * a real printer does, and renders each cut ticket to a PNG as it would come out on paper.
 * Behind the {@code sim:} printer URL, in the ticket preview, and on the far end of the serial
 * test rig. Its paper can run out (also mid-ticket) and its cover can open.
 *
 * <p>Like a real printer it answers DLE EOT on reception, even when those bytes sit inside raster
 * data, and stops processing while the paper is out or the cover is open. GS r is answered in
 * order, after what came before it has been printed.
 */
public final class VirtualPrinter {

    private static final int LINE_HEIGHT = 30;   // ESC 2 default line spacing, in dots
    private static final int CELL_HEIGHT = 24;   // font A
    private static final int MAX_KEPT_PAGES = 3;

    private final int paperWidthDots;
    private final int cp1258CodePage;
    private final Path outputDir;
    private final Font regular;
    private final Font bold;

    private final LinkedBlockingQueue<Integer> replies = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Deque<BufferedImage> pages = new ArrayDeque<>();
    private final List<BufferedImage> strips = new ArrayList<>();
    private final ByteArrayOutputStream lineBytes = new ByteArrayOutputStream();
    private byte[] realTimeTail = new byte[0];

    private boolean coverOpen;
    private boolean paperNearEnd;
    private boolean paperOut;
    private boolean cutterError;
    private Long paperLeftDots;

    private int codeTable;
    private int mode;
    private int sizeW = 1;
    private int sizeH = 1;
    private EscPos.Justify justify = EscPos.Justify.LEFT;
    private byte[] qrData = new byte[0];
    private int qrModule = 3;
    private int pageCount;

    /**
     * @param outputDir where each cut ticket is written as ticket-NNNNNN.png; null keeps them in memory only
     * @param fontFile  a font with Vietnamese letters for rendering text; null = the system defaults
     */
    public VirtualPrinter(int paperWidthDots, int cp1258CodePage, Path outputDir, Path fontFile) {
        this.paperWidthDots = paperWidthDots;
        this.cp1258CodePage = cp1258CodePage;
        this.outputDir = outputDir;
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

    // ---- the wire -------------------------------------------------------------------------

    /** Bytes arriving from the host. */
    public synchronized void receive(byte[] data) {
        answerRealTime(data);
        pending.writeBytes(data);
        process();
    }

    /** The next reply byte, or -1 when none comes within the timeout. */
    public int readReply(long timeoutMillis) throws InterruptedException {
        Integer b = replies.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        return b == null ? -1 : b;
    }

    public int replyAvailable() {
        return replies.size();
    }

    // ---- the paper and the cover ------------------------------------------------------------

    public synchronized void setCoverOpen(boolean open) {
        coverOpen = open;
        if (!open) {
            process();
        }
    }

    public synchronized void setPaperNearEnd(boolean nearEnd) {
        paperNearEnd = nearEnd;
    }

    /** Paper runs out after this many more dots of feed (mid-ticket if smaller than a ticket). */
    public synchronized void runOutOfPaperAfter(long dots) {
        paperLeftDots = dots;
    }

    public synchronized void setPaperOut(boolean out) {
        paperOut = out;
        paperLeftDots = null;
        if (!out) {
            // A fresh roll: what was stuck in the buffer is dropped rather than printed late.
            pending.reset();
            strips.clear();
            lineBytes.reset();
        }
    }

    public synchronized void setCutterError(boolean error) {
        cutterError = error;
    }

    public synchronized boolean isPaperOut() {
        return paperOut;
    }

    // ---- what came out -------------------------------------------------------------------------

    public synchronized int pageCount() {
        return pageCount;
    }

    /** The most recently cut ticket, or null. */
    public synchronized BufferedImage lastPage() {
        return pages.peekLast();
    }

    public static byte[] png(BufferedImage image) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- status ------------------------------------------------------------------------------

    private int statusByte(int n) {
        int b = 0x12;
        switch (n) {
            case 1 -> b |= (coverOpen || paperOut) ? 0x08 : 0;
            case 2 -> b |= (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0) | (cutterError ? 0x40 : 0);
            case 3 -> b |= cutterError ? 0x08 : 0;
            case 4 -> b |= (paperNearEnd ? 0x0C : 0) | (paperOut ? 0x60 : 0);
            default -> { }
        }
        return b;
    }

    /** DLE EOT n is answered as it arrives, wherever it is in the stream (a real printer's trait). */
    private void answerRealTime(byte[] data) {
        byte[] scan = new byte[realTimeTail.length + data.length];
        System.arraycopy(realTimeTail, 0, scan, 0, realTimeTail.length);
        System.arraycopy(data, 0, scan, realTimeTail.length, data.length);
        int i = 0;
        for (; i + 2 < scan.length; i++) {
            if (scan[i] == EscPos.DLE && scan[i + 1] == EscPos.EOT && scan[i + 2] >= 1 && scan[i + 2] <= 4) {
                replies.add(statusByte(scan[i + 2]));
                i += 2;
            }
        }
        realTimeTail = Arrays.copyOfRange(scan, Math.max(i, scan.length - 2), scan.length);
    }

    // ---- interpretation ------------------------------------------------------------------------

    private void process() {
        byte[] buf = pending.toByteArray();
        int pos = 0;
        while (pos < buf.length && !paperOut && !coverOpen) {
            int used = command(buf, pos);
            if (used == 0) {
                break; // incomplete command: wait for more bytes
            }
            pos += used;
        }
        pending.reset();
        pending.write(buf, pos, buf.length - pos);
    }

    /** Executes the command at {@code p}; returns the bytes it used, 0 if it is not complete yet. */
    private int command(byte[] b, int p) {
        int avail = b.length - p;
        int c = b[p] & 0xFF;
        if (c == EscPos.LF) {
            printLine();
            return 1;
        }
        if (c == EscPos.DLE) {
            return avail < 3 ? 0 : 3; // real-time request, answered on reception
        }
        if (c == EscPos.ESC) {
            if (avail < 2) {
                return 0;
            }
            int op = b[p + 1];
            if (op == '@') {
                reset();
                return 2;
            }
            if (avail < 3) {
                return 0;
            }
            int n = b[p + 2] & 0xFF;
            switch (op) {
                case 't' -> codeTable = n;
                case '!' -> mode = n;
                case 'a' -> justify = EscPos.Justify.values()[Math.min(n % 48, 2)];
                case 'd' -> {
                    flushLine();
                    feed((long) n * LINE_HEIGHT);
                }
                case 'J' -> {
                    flushLine();
                    feed(n);
                }
                default -> { }
            }
            return 3;
        }
        if (c == EscPos.GS) {
            if (avail < 2) {
                return 0;
            }
            int op = b[p + 1];
            return switch (op) {
                case '!' -> {
                    if (avail < 3) {
                        yield 0;
                    }
                    sizeW = ((b[p + 2] >> 4) & 0x07) + 1;
                    sizeH = (b[p + 2] & 0x07) + 1;
                    yield 3;
                }
                case 'V' -> {
                    if (avail < 3) {
                        yield 0;
                    }
                    int m = b[p + 2] & 0xFF;
                    if (m == 65 || m == 66) {
                        if (avail < 4) {
                            yield 0;
                        }
                        flushLine();
                        feed(b[p + 3] & 0xFF);
                        cut();
                        yield 4;
                    }
                    flushLine();
                    cut();
                    yield 3;
                }
                case 'r' -> {
                    if (avail < 3) {
                        yield 0;
                    }
                    replies.add((paperNearEnd ? 0x03 : 0) | (paperOut ? 0x0C : 0));
                    yield 3;
                }
                case 'a' -> avail < 3 ? 0 : 3;
                case 'v' -> raster(b, p, avail);
                case '(' -> function(b, p, avail);
                default -> 2;
            };
        }
        if (c >= 0x20) {
            lineBytes.write(c);
        }
        return 1;
    }

    private int raster(byte[] b, int p, int avail) {
        if (avail < 8) {
            return 0;
        }
        int xBytes = (b[p + 4] & 0xFF) | (b[p + 5] & 0xFF) << 8;
        int y = (b[p + 6] & 0xFF) | (b[p + 7] & 0xFF) << 8;
        int total = 8 + xBytes * y;
        if (avail < total) {
            return 0;
        }
        flushLine();
        if (xBytes > 0 && y > 0) {
            MonoBitmap bmp = new MonoBitmap(xBytes * 8, y, Arrays.copyOfRange(b, p + 8, p + total));
            strip(toImage(bmp));
        }
        return total;
    }

    private int function(byte[] b, int p, int avail) {
        if (avail < 5) {
            return 0;
        }
        int len = (b[p + 3] & 0xFF) | (b[p + 4] & 0xFF) << 8;
        if (avail < 5 + len) {
            return 0;
        }
        if (b[p + 2] == 'k' && len >= 3 && b[p + 5] == '1') {
            int fn = b[p + 6];
            switch (fn) {
                case 'C' -> qrModule = b[p + 7] & 0xFF;
                case 'P' -> qrData = Arrays.copyOfRange(b, p + 8, p + 5 + len);
                case 'Q' -> {
                    flushLine();
                    String data = new String(qrData, StandardCharsets.UTF_8);
                    strip(toImage(QrBitmap.encode(data, Math.max(1, qrModule), EscPos.QrErrorCorrection.M, 4)));
                }
                default -> { }
            }
        }
        return 5 + len;
    }

    private void reset() {
        flushLine();
        codeTable = 0;
        mode = 0;
        sizeW = 1;
        sizeH = 1;
        justify = EscPos.Justify.LEFT;
    }

    private void flushLine() {
        if (lineBytes.size() > 0) {
            printLine();
        }
    }

    private void printLine() {
        byte[] bytes = lineBytes.toByteArray();
        lineBytes.reset();
        int height = Math.max(LINE_HEIGHT, CELL_HEIGHT * sizeH + 6);
        BufferedImage img = blank(height);
        if (bytes.length > 0) {
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
        }
        strip(img);
    }

    private void feed(long dots) {
        if (dots > 0) {
            strip(blank((int) Math.min(dots, 2000)));
        }
    }

    private void strip(BufferedImage img) {
        int h = img.getHeight();
        if (paperLeftDots != null) {
            if (paperLeftDots <= h) {
                if (paperLeftDots > 0) {
                    strips.add(img.getSubimage(0, 0, img.getWidth(), (int) (long) paperLeftDots));
                }
                paperLeftDots = 0L;
                paperOut = true;
                return;
            }
            paperLeftDots -= h;
        }
        strips.add(img);
    }

    private void cut() {
        int height = strips.stream().mapToInt(BufferedImage::getHeight).sum();
        if (height == 0) {
            return;
        }
        BufferedImage page = new BufferedImage(paperWidthDots, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        int y = 0;
        for (BufferedImage s : strips) {
            g.drawImage(s, 0, y, null);
            y += s.getHeight();
        }
        g.dispose();
        strips.clear();
        pageCount++;
        pages.addLast(page);
        while (pages.size() > MAX_KEPT_PAGES) {
            pages.removeFirst();
        }
        if (outputDir != null) {
            try {
                Files.createDirectories(outputDir);
                Files.write(outputDir.resolve(String.format("ticket-%06d.png", pageCount)), png(page));
            } catch (IOException e) {
                throw new UncheckedIOException("virtual printer cannot write its PNG", e);
            }
        }
    }

    private BufferedImage blank(int height) {
        BufferedImage img = new BufferedImage(paperWidthDots, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, paperWidthDots, height);
        g.dispose();
        return img;
    }

    /** A raster or QR image placed on the paper according to the justification. */
    private BufferedImage toImage(MonoBitmap bmp) {
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
}
