package vn.kiosk.hw.scanner;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;

/**
 * Cuts a stream of raw frames of a fixed size (a camera's YUV 4:2:0 or 8-bit grey output) into
 * their luminance planes: the first {@code lumaBytes} of each {@code frameBytes} (the chroma that
 * follows is skipped). Buffers come back through {@link #recycle}, so 30 frames a second of 300 KB
 * each do not churn a 64 MB heap.
 */
final class RawFrameSplitter {

    private final int frameBytes;
    private final int lumaBytes;
    private final Consumer<byte[]> onFrame;
    private final ArrayBlockingQueue<byte[]> free = new ArrayBlockingQueue<>(3);
    private byte[] current;
    private int position;

    RawFrameSplitter(int frameBytes, int lumaBytes, Consumer<byte[]> onFrame) {
        this.frameBytes = frameBytes;
        this.lumaBytes = lumaBytes;
        this.onFrame = onFrame;
    }

    void accept(byte[] data, int length) {
        int i = 0;
        while (i < length) {
            if (current == null) {
                current = free.poll();
                if (current == null) {
                    current = new byte[lumaBytes];
                }
            }
            int n = Math.min(length - i, frameBytes - position);
            if (position < lumaBytes) {
                System.arraycopy(data, i, current, position, Math.min(n, lumaBytes - position));
            }
            position += n;
            i += n;
            if (position == frameBytes) {
                byte[] frame = current;
                current = null;
                position = 0;
                onFrame.accept(frame);
            }
        }
    }

    /** A frame's buffer that is no longer needed (decoded or replaced by a newer one). */
    void recycle(byte[] frame) {
        if (frame != null && frame.length == lumaBytes) {
            free.offer(frame);
        }
    }
}
