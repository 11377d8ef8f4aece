package vn.kiosk.hw.scanner;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns Linux {@code struct input_event} records from a keyboard-mode scanner into codes.
 * A record is {@code timeval} (16 bytes on 64-bit userspace, 8 on 32-bit armhf), then
 * {@code u16 type}, {@code u16 code}, {@code s32 value}; EV_KEY = 1, value 1 = press. Keys map to
 * characters with a US layout (scanners type ASCII), Shift held gives the shifted character,
 * Enter ends a code; other keys are ignored and counted.
 */
public final class EvdevDecoder {

    public static final int RECORD_64 = 24;
    public static final int RECORD_32 = 16;

    static final int EV_KEY = 1;
    static final int KEY_ENTER = 28;
    static final int KEY_KPENTER = 96;
    static final int KEY_LEFTSHIFT = 42;
    static final int KEY_RIGHTSHIFT = 54;
    static final int KEY_CAPSLOCK = 58;

    /** US layout: index = key code; [normal, shifted]. */
    private static final String[][] KEYS = new String[128][];

    static {
        row(2, "1234567890-=", "!@#$%^&*()_+");
        row(16, "qwertyuiop[]", "QWERTYUIOP{}");
        row(30, "asdfghjkl;'`", "ASDFGHJKL:\"~");
        row(43, "\\zxcvbnm,./", "|ZXCVBNM<>?");
        KEYS[57] = new String[] {" ", " "};
        KEYS[55] = new String[] {"*", "*"};   // keypad
        KEYS[74] = new String[] {"-", "-"};
        KEYS[78] = new String[] {"+", "+"};
        KEYS[98] = new String[] {"/", "/"};
        KEYS[83] = new String[] {".", "."};
        String[] pad = {"7", "8", "9", null, "4", "5", "6", null, "1", "2", "3", "0"};
        for (int i = 0; i < pad.length; i++) {
            if (pad[i] != null) {
                KEYS[71 + i] = new String[] {pad[i], pad[i]};
            }
        }
    }

    private static void row(int firstCode, String normal, String shifted) {
        for (int i = 0; i < normal.length(); i++) {
            KEYS[firstCode + i] = new String[] {String.valueOf(normal.charAt(i)), String.valueOf(shifted.charAt(i))};
        }
    }

    private final int recordSize;
    private final int maxLength;
    private final ScanListener onCode;
    private final byte[] pending;
    private int pendingLength;
    private final StringBuilder code = new StringBuilder();
    private boolean leftShift;
    private boolean rightShift;
    private boolean capsLock;
    private boolean overflow;
    private long unknownKeys;

    public EvdevDecoder(int recordSize, int maxLength, ScanListener onCode) {
        if (recordSize != RECORD_64 && recordSize != RECORD_32) {
            throw new IllegalArgumentException("input_event records are 24 or 16 bytes, not " + recordSize);
        }
        this.recordSize = recordSize;
        this.maxLength = maxLength;
        this.onCode = onCode;
        this.pending = new byte[recordSize];
    }

    /** The record size of this JVM's userspace: 24 on 64-bit, 16 on 32-bit. */
    public static int nativeRecordSize() {
        String model = System.getProperty("sun.arch.data.model", "64");
        return "32".equals(model) ? RECORD_32 : RECORD_64;
    }

    public long unknownKeys() {
        return unknownKeys;
    }

    public void accept(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            pending[pendingLength++] = data[i];
            if (pendingLength == recordSize) {
                record(ByteBuffer.wrap(pending).order(ByteOrder.LITTLE_ENDIAN));
                pendingLength = 0;
            }
        }
    }

    private void record(ByteBuffer b) {
        int offset = recordSize - 8;
        int type = Short.toUnsignedInt(b.getShort(offset));
        int key = Short.toUnsignedInt(b.getShort(offset + 2));
        int value = b.getInt(offset + 4);
        if (type != EV_KEY) {
            return;
        }
        switch (key) {
            case KEY_LEFTSHIFT -> leftShift = value != 0;
            case KEY_RIGHTSHIFT -> rightShift = value != 0;
            case KEY_CAPSLOCK -> capsLock ^= value == 1;
            case KEY_ENTER, KEY_KPENTER -> {
                if (value == 1) {
                    if (overflow) {
                        onCode.onUnreadable("more than " + maxLength + " characters before Enter");
                    } else if (code.length() > 0) {
                        onCode.onCode(code.toString());
                    }
                    clear();
                    overflow = false;
                }
            }
            default -> {
                if (value != 1) {
                    return; // releases and auto-repeat
                }
                String[] chars = key < KEYS.length ? KEYS[key] : null;
                if (chars == null) {
                    unknownKeys++;
                    return;
                }
                boolean shift = leftShift || rightShift;
                String c = chars[shift ? 1 : 0];
                if (capsLock && Character.isLetter(c.charAt(0))) {
                    c = shift ? c.toLowerCase(java.util.Locale.ROOT) : c.toUpperCase(java.util.Locale.ROOT);
                }
                if (code.length() >= maxLength) {
                    overflow = true;
                    clear();
                } else {
                    code.append(c);
                }
            }
        }
    }

    /** Overwrites the code typed so far: it may be an ID card, and a builder keeps its characters after setLength(0). */
    private void clear() {
        for (int i = 0; i < code.length(); i++) {
            code.setCharAt(i, '\0');
        }
        code.setLength(0);
    }
}
