package vn.kiosk.hw.printer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A thermal printer in software: interprets the ESC/POS we send ({@link EscPosInterpreter}),
 * answers status requests the way a real printer does, and renders each cut ticket
 * ({@link PaperRenderer}) to a PNG as it would come out on paper. Behind the {@code sim:} printer
 * URL, in the ticket preview, and on the far end of the serial test rig. Its paper can run out
 * (also mid-ticket) and its cover can open ({@link Paper}).
 *
 * <p>Like a real printer it answers DLE EOT on reception, even when those bytes sit inside raster
 * data, and stops processing while the paper is out or the cover is open. GS r is answered in
 * order, after what came before it has been printed.
 */
public final class VirtualPrinter {

    private static final int MAX_KEPT_PAGES = 3;

    private final Path outputDir;
    private final PaperRenderer renderer;
    private final Paper paper = new Paper();
    private final LinkedBlockingQueue<Integer> replies = new LinkedBlockingQueue<>();
    private final EscPosInterpreter interpreter;
    private final Deque<BufferedImage> pages = new ArrayDeque<>();
    private int pageCount;

    /**
     * @param outputDir where each cut ticket is written as ticket-NNNNNN.png; null keeps them in memory only
     * @param fontFile  a font with Vietnamese letters for rendering text; null = the system defaults
     */
    public VirtualPrinter(int paperWidthDots, int cp1258CodePage, Path outputDir, Path fontFile) {
        this.outputDir = outputDir;
        this.renderer = new PaperRenderer(paperWidthDots, cp1258CodePage, fontFile);
        this.interpreter = new EscPosInterpreter(renderer, paper, replies::add, this::cut);
    }

    // ---- the wire -------------------------------------------------------------------------

    /** Bytes arriving from the host. */
    public synchronized void receive(byte[] data) {
        interpreter.receive(data);
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
        paper.setCoverOpen(open);
        if (!open) {
            interpreter.process();
        }
    }

    public synchronized void setPaperNearEnd(boolean nearEnd) {
        paper.setNearEnd(nearEnd);
    }

    /** Paper runs out after this many more dots of feed (mid-ticket if smaller than a ticket). */
    public synchronized void runOutOfPaperAfter(long dots) {
        paper.runOutAfter(dots);
    }

    public synchronized void setPaperOut(boolean out) {
        paper.setOut(out);
        if (!out) {
            interpreter.dropBuffered();
        }
    }

    public synchronized void setCutterError(boolean error) {
        paper.setCutterError(error);
    }

    public synchronized boolean isPaperOut() {
        return paper.isOut();
    }

    // ---- what came out -------------------------------------------------------------------------

    public synchronized int pageCount() {
        return pageCount;
    }

    /** The most recently cut ticket, or null. */
    public synchronized BufferedImage lastPage() {
        return pages.peekLast();
    }

    /** GS V, from the interpreter (under this object's lock): the ticket comes off the roll. */
    private void cut() {
        BufferedImage page = renderer.page(paper.cut());
        if (page == null) {
            return;
        }
        pageCount++;
        pages.addLast(page);
        while (pages.size() > MAX_KEPT_PAGES) {
            pages.removeFirst();
        }
        if (outputDir != null) {
            try {
                PngWriter.write(page, outputDir.resolve(String.format("ticket-%06d.png", pageCount)));
            } catch (IOException e) {
                throw new UncheckedIOException("virtual printer cannot write its PNG", e);
            }
        }
    }
}
