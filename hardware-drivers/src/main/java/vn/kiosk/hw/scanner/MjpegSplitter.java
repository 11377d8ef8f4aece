package vn.kiosk.hw.scanner;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Cuts an MJPEG byte stream (what {@code rpicam-vid --codec mjpeg -o -} writes) into JPEG frames at
 * their SOI (FF D8) and EOI (FF D9) markers. A frame larger than the limit is dropped.
 */
public final class MjpegSplitter {

    private final int maxFrameBytes;
    private final Consumer<byte[]> onFrame;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(64 * 1024);
    private boolean inFrame;
    private int previous = -1;

    public MjpegSplitter(int maxFrameBytes, Consumer<byte[]> onFrame) {
        this.maxFrameBytes = maxFrameBytes;
        this.onFrame = onFrame;
    }

    public void accept(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            int b = data[i] & 0xFF;
            if (!inFrame) {
                if (previous == 0xFF && b == 0xD8) {
                    inFrame = true;
                    frame.reset();
                    frame.write(0xFF);
                    frame.write(0xD8);
                }
            } else {
                frame.write(b);
                if (previous == 0xFF && b == 0xD9) {
                    onFrame.accept(frame.toByteArray());
                    inFrame = false;
                    b = -1;
                } else if (frame.size() > maxFrameBytes) {
                    inFrame = false;
                }
            }
            previous = b;
        }
    }
}
