package vn.kiosk.speech;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The WAVs made lately, so a citizen who taps "listen" twice, and every citizen on the start screen,
 * do not start espeak-ng again: least recently used first out, at most maxBytes in all (a phrase is
 * 100–500 KB).
 */
final class SpeechCache {

    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> wavs = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    SpeechCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The WAV for key, made by make (outside the lock: espeak-ng bounds itself) when not cached. */
    byte[] get(String key, Supplier<byte[]> make) {
        synchronized (this) {
            byte[] hit = wavs.get(key);
            if (hit != null) {
                return hit;
            }
        }
        byte[] made = make.get();
        synchronized (this) {
            if (made.length <= maxBytes && wavs.put(key, made) == null) {
                bytes += made.length;
            }
            var eldest = wavs.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                Map.Entry<String, byte[]> e = eldest.next();
                bytes -= e.getValue().length;
                eldest.remove();
            }
        }
        return made;
    }
}
