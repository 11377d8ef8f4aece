package vn.kiosk.hw.scanner;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a serial scanner's byte stream into codes at CR or LF (CRLF counts once, empty lines are
 * ignored), or at the one terminator configured. A line longer than the limit is dropped whole,
 * up to its terminator, rather than delivered in pieces. The buffer is overwritten after each line:
 * a line may be an ID card, which must not stay in memory after the citizen's session.
 */
public final class LineAssembler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LineAssembler.class);

    public enum Terminator { ANY, CR, LF }

    private final Terminator terminator;
    private final int maxBytes;
    private final ScanListener onLine;
    private byte[] line = new byte[256];
    private int size;
    private boolean overflow;

    public LineAssembler(Terminator terminator, int maxBytes, ScanListener onLine) {
        this.terminator = terminator;
        this.maxBytes = maxBytes;
        this.onLine = onLine;
    }

    public void accept(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            byte b = data[i];
            boolean end = switch (terminator) {
                case ANY -> b == '\r' || b == '\n';
                case CR -> b == '\r';
                case LF -> b == '\n';
            };
            if (end) {
                flush();
            } else if (overflow) {
                continue;
            } else if (size >= maxBytes) {
                overflow = true;
                clear();
                log.warn("scanned input rejected: more than {} bytes before a line end", maxBytes);
                onLine.onUnreadable("more than " + maxBytes + " bytes before a line end");
            } else if (!(terminator != Terminator.ANY && (b == '\r' || b == '\n'))) {
                if (size == line.length) {
                    byte[] bigger = Arrays.copyOf(line, Math.min(2 * line.length, maxBytes));
                    Arrays.fill(line, (byte) 0);
                    line = bigger;
                }
                line[size++] = b;
            }
        }
    }

    private void flush() {
        if (!overflow && size > 0) {
            onLine.onCode(new String(line, 0, size, StandardCharsets.UTF_8));
        }
        overflow = false;
        clear();
    }

    private void clear() {
        Arrays.fill(line, 0, size, (byte) 0);
        size = 0;
    }
}
