package vn.kiosk.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * espeak-ng --stdout writes a WAV for a stream of unknown length (sizes 0x7ffff000 and more); some
 * players then wait for audio that never comes. The sizes are set to what the bytes hold.
 */
final class WavSizes {

    private WavSizes() { }

    /** The same WAV with its RIFF and data sizes made true; IllegalArgumentException if it is no WAV. */
    static byte[] fixed(byte[] wav) {
        if (wav.length < 44 || !tag(wav, 0, "RIFF") || !tag(wav, 8, "WAVE")) {
            throw new IllegalArgumentException(wav.length + " bytes without a RIFF/WAVE header");
        }
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 8 <= wav.length) {
            long size = Integer.toUnsignedLong(b.getInt(at + 4));
            if (tag(wav, at, "data")) {
                b.putInt(4, wav.length - 8);
                b.putInt(at + 4, wav.length - at - 8);
                return wav;
            }
            at += 8 + (int) Math.min(size + (size & 1), wav.length);
        }
        throw new IllegalArgumentException("no data chunk");
    }

    private static boolean tag(byte[] wav, int at, String tag) {
        return new String(wav, at, 4, StandardCharsets.US_ASCII).equals(tag);
    }
}
