package vn.kiosk.hw.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded input_event streams, as a keyboard-mode scanner produces them, in both record layouts. */
class EvdevDecoderTest {

    /** Builds the byte stream a scanner produces typing {@code keys} (code, shifted?) then Enter. */
    static byte[] typing(int recordSize, int[][] keys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] k : keys) {
            if (k[1] == 1) {
                out.writeBytes(event(recordSize, 1, 42, 1));
            }
            out.writeBytes(event(recordSize, 4, 4, k[0]));  // EV_MSC scan code: ignored
            out.writeBytes(event(recordSize, 1, k[0], 1));
            out.writeBytes(event(recordSize, 0, 0, 0));     // EV_SYN
            out.writeBytes(event(recordSize, 1, k[0], 0));
            if (k[1] == 1) {
                out.writeBytes(event(recordSize, 1, 42, 0));
            }
        }
        out.writeBytes(event(recordSize, 1, 28, 1));
        out.writeBytes(event(recordSize, 1, 28, 0));
        return out.toByteArray();
    }

    static byte[] event(int recordSize, int type, int code, int value) {
        ByteBuffer b = ByteBuffer.allocate(recordSize).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, 1_790_000_000L);            // tv_sec (or tv_sec + tv_usec on 32-bit)
        b.putShort(recordSize - 8, (short) type);
        b.putShort(recordSize - 6, (short) code);
        b.putInt(recordSize - 4, value);
        return b.array();
    }

    /** "A1|b-9" : a=30 shift, 1=2, | = backslash(43) shift, b=48, -=12, 9=10. */
    private static final int[][] SAMPLE = {{30, 1}, {2, 0}, {43, 1}, {48, 0}, {12, 0}, {10, 0}};

    @Test
    void decodesBothRecordLayoutsWithShift() {
        for (int size : new int[] {EvdevDecoder.RECORD_64, EvdevDecoder.RECORD_32}) {
            List<String> codes = new ArrayList<>();
            EvdevDecoder d = new EvdevDecoder(size, 100, codes::add);
            byte[] stream = typing(size, SAMPLE);
            // delivered in awkward chunks, as reads return them
            for (int i = 0; i < stream.length; i += 7) {
                byte[] chunk = java.util.Arrays.copyOfRange(stream, i, Math.min(stream.length, i + 7));
                d.accept(chunk, chunk.length);
            }
            assertEquals(List.of("A1|b-9"), codes, "record size " + size);
        }
    }

    @Test
    void aWholeIdCardPayloadTypedInAsciiMode() {
        String text = "079050001234|023456789|Tran Van Binh|15031950|Nam|12 Le Loi|20042021";
        int[][] keys = text.chars().mapToObj(EvdevDecoderTest::key).toArray(int[][]::new);
        List<String> codes = new ArrayList<>();
        byte[] stream = typing(24, keys);
        new EvdevDecoder(24, 1000, codes::add).accept(stream, stream.length);
        assertEquals(List.of(text), codes);
    }

    @Test
    void unknownKeysAreIgnoredAndCounted() {
        List<String> codes = new ArrayList<>();
        EvdevDecoder d = new EvdevDecoder(24, 100, codes::add);
        byte[] stream = typing(24, new int[][] {{30, 0}, {59, 0}, {125, 0}, {31, 0}}); // a, F1, Super, s
        d.accept(stream, stream.length);
        assertEquals(List.of("as"), codes);
        assertEquals(2, d.unknownKeys());
    }

    @Test
    void anOverLongCodeIsDroppedWhole() {
        List<String> codes = new ArrayList<>();
        EvdevDecoder d = new EvdevDecoder(24, 3, codes::add);
        byte[] stream = typing(24, SAMPLE);
        d.accept(stream, stream.length);
        assertEquals(List.of(), codes);
        byte[] next = typing(24, new int[][] {{30, 0}});
        d.accept(next, next.length);
        assertEquals(List.of("a"), codes, "the next code is read normally");
    }

    static int[] key(int c) {
        String normal = "1234567890-=qwertyuiop[]asdfghjkl;'`\\zxcvbnm,./ ";
        String shifted = "!@#$%^&*()_+QWERTYUIOP{}ASDFGHJKL:\"~|ZXCVBNM<>? ";
        int[] codes = new int[normal.length()];
        int i = 0;
        for (int k = 2; k <= 13; k++) {
            codes[i++] = k;
        }
        for (int k = 16; k <= 27; k++) {
            codes[i++] = k;
        }
        for (int k = 30; k <= 41; k++) {
            codes[i++] = k;
        }
        for (int k = 43; k <= 53; k++) {
            codes[i++] = k;
        }
        codes[i] = 57;
        int n = normal.indexOf(c);
        if (n >= 0) {
            return new int[] {codes[n], 0};
        }
        return new int[] {codes[shifted.indexOf(c)], 1};
    }
}
