package vn.kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Checks a WAV file the way a player reads it: RIFF, WAVE, fmt, and sizes that match the bytes. */
public final class Wav {

    private Wav() { }

    public static void assertComplete(byte[] wav) {
        assertTrue(wav.length >= 44, "a WAV header is 44 bytes; got " + wav.length);
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", new String(wav, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(wav.length - 8, b.getInt(4), "the RIFF size");
        assertEquals("WAVE", new String(wav, 8, 4, StandardCharsets.US_ASCII));
        assertEquals("fmt ", new String(wav, 12, 4, StandardCharsets.US_ASCII));
        int data = 12 + 8 + b.getInt(16);
        assertEquals("data", new String(wav, data, 4, StandardCharsets.US_ASCII));
        assertEquals(wav.length - data - 8, b.getInt(data + 4), "the data size");
    }
}
