package vn.kiosk.fleet;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's packets as Paho reads them, with every PUBLISH payload cut to at most
 * {@code maxPayload + 1} bytes before it is in memory. Paho allocates a packet's whole remaining
 * length at once, so a single 100 MB message ends its receive thread with an OutOfMemoryError on a
 * 64 MB heap (and MQTT 3.1.1 has no way to tell a broker the largest packet a client takes). A cut
 * message still arrives, one byte over the limit, and is answered 400 like any payload over it; the
 * rest is read and dropped as it comes. Another kind of packet over the limit closes the connection
 * (an IOException: Paho reports the loss and the kiosk reconnects).
 */
final class BoundedPackets extends FilterInputStream {

    private static final Logger log = LoggerFactory.getLogger(BoundedPackets.class);
    private static final int PUBLISH = 3;

    private final int maxPayload;
    /** Packets up to this remaining length pass untouched: the longest topic with the largest payload allowed. */
    private final long passLimit;
    private final byte[] head = new byte[5 + 2 + 65_535 + 2];
    private int headLen;
    private byte[] out = new byte[0];
    private int outPos;
    private long passThrough;
    private long skip;
    private final byte[] scratch = new byte[8192];

    BoundedPackets(InputStream in, int maxPayload) {
        super(in);
        this.maxPayload = maxPayload;
        this.passLimit = 2 + 65_535 + 2 + (long) maxPayload + 1;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /** Socket read timeouts pass through at any point; the state is kept and the next read goes on. */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (outPos < out.length) {
                int n = Math.min(len, out.length - outPos);
                System.arraycopy(out, outPos, b, off, n);
                outPos += n;
                return n;
            }
            if (passThrough > 0) {
                int n = in.read(b, off, (int) Math.min(len, passThrough));
                if (n > 0) {
                    passThrough -= n;
                }
                return n;
            }
            if (skip > 0) {
                int n = in.read(scratch, 0, (int) Math.min(scratch.length, skip));
                if (n < 0) {
                    return -1;
                }
                skip -= n;
                continue;
            }
            if (!nextHeader()) {
                return -1;
            }
        }
    }

    /** Reads the next packet's header, and of a long PUBLISH its topic and packet id; false at the end of the stream. */
    private boolean nextHeader() throws IOException {
        if (!fill(2)) {
            return false;
        }
        long remaining = 0;
        int i = 1;
        for (long multiplier = 1; ; multiplier *= 128) {
            fill(i + 1);
            int b = head[i] & 0xff;
            remaining += (b & 0x7f) * multiplier;
            if ((b & 0x80) == 0) {
                break;
            }
            if (++i > 4) {
                throw new IOException("malformed packet length from the broker");
            }
        }
        int fixed = i + 1;
        if (remaining <= passLimit) {
            emit(fixed, 0, 0);
            passThrough = remaining;
            return true;
        }
        if ((head[0] & 0xff) >> 4 != PUBLISH) {
            throw new IOException("a packet of " + remaining + " bytes from the broker; at most " + passLimit + " are read");
        }
        fill(fixed + 2);
        int topicLength = ((head[fixed] & 0xff) << 8) | (head[fixed + 1] & 0xff);
        int packetId = ((head[0] >> 1) & 3) > 0 ? 2 : 0;
        int variable = 2 + topicLength + packetId;
        fill(fixed + variable);
        long payload = remaining - variable;
        int keep = (int) Math.min(payload, maxPayload + 1L);
        log.warn("a message of {} bytes from the broker: reading only its first {} bytes (the limit is {})",
                payload, keep, maxPayload);
        emit(fixed, variable, variable + keep);
        passThrough = keep;
        skip = payload - keep;
        return true;
    }

    /** Hands Paho the header (with a new remaining length when cut) and the variable header read so far. */
    private void emit(int fixed, int variable, long newRemaining) {
        if (variable == 0) {
            out = java.util.Arrays.copyOf(head, fixed);
        } else {
            byte[] length = remainingLength(newRemaining);
            out = new byte[1 + length.length + variable];
            out[0] = head[0];
            System.arraycopy(length, 0, out, 1, length.length);
            System.arraycopy(head, fixed, out, 1 + length.length, variable);
        }
        outPos = 0;
        headLen = 0;
    }

    private static byte[] remainingLength(long value) {
        byte[] buf = new byte[4];
        int n = 0;
        do {
            int digit = (int) (value % 128);
            value /= 128;
            buf[n++] = (byte) (value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
        return java.util.Arrays.copyOf(buf, n);
    }

    /** Reads until {@code count} header bytes are here; false if the stream ended before the first. */
    private boolean fill(int count) throws IOException {
        while (headLen < count) {
            int n = in.read(head, headLen, count - headLen);
            if (n < 0) {
                if (headLen == 0) {
                    return false;
                }
                throw new EOFException("the broker closed the connection within a packet header");
            }
            headLen += n;
        }
        return true;
    }

    @Override
    public int available() throws IOException {
        return outPos < out.length ? out.length - outPos : passThrough > 0 ? (int) Math.min(in.available(), passThrough) : 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("not supported");
    }
}
