package vn.kiosk.hw.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Reads the ESC/POS byte stream the way a printer does: keeps the print mode, draws each line,
 * feed, raster image and QR code onto the paper, cuts, and answers status requests. DLE EOT is
 * answered on reception (even inside raster data), the rest in order, and nothing is processed
 * while the paper cannot move. Guarded by the VirtualPrinter.
 */
final class EscPosInterpreter {

    private final PaperRenderer renderer;
    private final Paper paper;
    private final IntConsumer replies;
    private final Runnable cutter;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ByteArrayOutputStream lineBytes = new ByteArrayOutputStream();
    private byte[] realTimeTail = new byte[0];

    private int codeTable;
    private int mode;
    private int sizeW = 1;
    private int sizeH = 1;
    private EscPos.Justify justify = EscPos.Justify.LEFT;
    private byte[] qrData = new byte[0];
    private int qrModule = 3;

    /** @param cutter cuts the paper (GS V): takes what {@code paper} printed since the last cut */
    EscPosInterpreter(PaperRenderer renderer, Paper paper, IntConsumer replies, Runnable cutter) {
        this.renderer = renderer;
        this.paper = paper;
        this.replies = replies;
        this.cutter = cutter;
    }

    /** Bytes arriving from the host. */
    void receive(byte[] data) {
        answerRealTime(data);
        pending.writeBytes(data);
        process();
    }

    /** Processes what is buffered, as far as the paper allows (again after the cover closes). */
    void process() {
        byte[] buf = pending.toByteArray();
        int pos = 0;
        while (pos < buf.length && !paper.halted()) {
            int used = command(buf, pos);
            if (used == 0) {
                break; // incomplete command: wait for more bytes
            }
            pos += used;
        }
        pending.reset();
        pending.write(buf, pos, buf.length - pos);
    }

    /** A fresh roll: what was stuck in the buffer is dropped rather than printed late. */
    void dropBuffered() {
        pending.reset();
        lineBytes.reset();
    }

    /** DLE EOT n is answered as it arrives, wherever it is in the stream (a real printer's trait). */
    private void answerRealTime(byte[] data) {
        byte[] scan = new byte[realTimeTail.length + data.length];
        System.arraycopy(realTimeTail, 0, scan, 0, realTimeTail.length);
        System.arraycopy(data, 0, scan, realTimeTail.length, data.length);
        int i = 0;
        for (; i + 2 < scan.length; i++) {
            if (scan[i] == EscPos.DLE && scan[i + 1] == EscPos.EOT && scan[i + 2] >= 1 && scan[i + 2] <= 4) {
                replies.accept(paper.realTimeStatus(scan[i + 2]));
                i += 2;
            }
        }
        realTimeTail = Arrays.copyOfRange(scan, Math.max(i, scan.length - 2), scan.length);
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
            return esc(b, p, avail);
        }
        if (c == EscPos.GS) {
            return gs(b, p, avail);
        }
        if (c >= 0x20) {
            lineBytes.write(c);
        }
        return 1;
    }

    private int esc(byte[] b, int p, int avail) {
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
                feed((long) n * PaperRenderer.LINE_HEIGHT);
            }
            case 'J' -> {
                flushLine();
                feed(n);
            }
            default -> { }
        }
        return 3;
    }

    private int gs(byte[] b, int p, int avail) {
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
                    cutter.run();
                    yield 4;
                }
                flushLine();
                cutter.run();
                yield 3;
            }
            case 'r' -> {
                if (avail < 3) {
                    yield 0;
                }
                replies.accept(paper.paperStatus());
                yield 3;
            }
            case 'a' -> avail < 3 ? 0 : 3;
            case 'v' -> raster(b, p, avail);
            case '(' -> function(b, p, avail);
            default -> 2;
        };
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
            paper.print(renderer.bitmap(bmp, justify));
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
                    paper.print(renderer.bitmap(QrBitmap.encode(data, Math.max(1, qrModule), EscPos.QrErrorCorrection.M, 4),
                            justify));
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
        paper.print(renderer.line(bytes, codeTable, mode, sizeW, sizeH, justify));
    }

    private void feed(long dots) {
        if (dots > 0) {
            paper.print(renderer.blank((int) Math.min(dots, 2000)));
        }
    }
}
