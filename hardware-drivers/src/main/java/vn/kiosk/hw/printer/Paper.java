package vn.kiosk.hw.printer;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The virtual printer's roll and cover: what its sensors report, and the paper printed since the
 * last cut (which stops where the roll runs out, also mid-line). Guarded by the VirtualPrinter.
 */
final class Paper {

    private final List<BufferedImage> uncut = new ArrayList<>();
    private boolean coverOpen;
    private boolean nearEnd;
    private boolean out;
    private boolean cutterError;
    private Long leftDots; // null: an endless roll

    void setCoverOpen(boolean open) {
        coverOpen = open;
    }

    void setNearEnd(boolean nearEnd) {
        this.nearEnd = nearEnd;
    }

    void runOutAfter(long dots) {
        leftDots = dots;
    }

    /** Out, or a fresh roll (which drops what was printed on the old one and not cut). */
    void setOut(boolean out) {
        this.out = out;
        leftDots = null;
        if (!out) {
            uncut.clear();
        }
    }

    void setCutterError(boolean error) {
        cutterError = error;
    }

    boolean isOut() {
        return out;
    }

    /** A real printer stops processing while it cannot print. */
    boolean halted() {
        return out || coverOpen;
    }

    /** Advances the paper by a printed strip; the roll may end inside it. */
    void print(BufferedImage strip) {
        int h = strip.getHeight();
        if (leftDots != null) {
            if (leftDots <= h) {
                if (leftDots > 0) {
                    uncut.add(strip.getSubimage(0, 0, strip.getWidth(), (int) (long) leftDots));
                }
                leftDots = 0L;
                out = true;
                return;
            }
            leftDots -= h;
        }
        uncut.add(strip);
    }

    /** The strips since the last cut, in order (empty when nothing was printed); the paper is cut. */
    List<BufferedImage> cut() {
        List<BufferedImage> strips = List.copyOf(uncut);
        uncut.clear();
        return strips;
    }

    /** The answer to DLE EOT n (n = 1 printer, 2 offline cause, 3 error cause, 4 paper sensors). */
    int realTimeStatus(int n) {
        int b = 0x12;
        switch (n) {
            case 1 -> b |= (coverOpen || out) ? 0x08 : 0;
            case 2 -> b |= (coverOpen ? 0x04 : 0) | (out ? 0x20 : 0) | (cutterError ? 0x40 : 0);
            case 3 -> b |= cutterError ? 0x08 : 0;
            case 4 -> b |= (nearEnd ? 0x0C : 0) | (out ? 0x60 : 0);
            default -> { }
        }
        return b;
    }

    /** The answer to GS r 1 (paper sensors), given in order with the print data. */
    int paperStatus() {
        return (nearEnd ? 0x03 : 0) | (out ? 0x0C : 0);
    }
}
