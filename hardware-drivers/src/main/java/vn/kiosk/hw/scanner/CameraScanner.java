package vn.kiosk.hw.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.hw.DeviceStatus;

/**
 * A camera as a QR scanner: {@code camera:<command>} runs a command that writes frames to its
 * standard output: MJPEG (e.g. {@code rpicam-vid -t 0 --codec mjpeg --width 640 --height 480 -n -o -}),
 * read from each JPEG's Y channel; or raw frames with {@code ?format=yuv420&size=640x480}
 * ({@code rpicam-vid --codec yuv420}) or {@code ?format=grey&size=640x480} (e.g. ffmpeg's
 * {@code -pix_fmt gray -f rawvideo}), whose luminance plane ZXing reads as it is: no decoding at
 * all, which takes a frame from 2.7 ms to 1 ms. One thread reads frames, one decodes: when decoding
 * lags, the newest frame replaces the one waiting (frames are dropped, never queued), so the code on
 * screen is always the current one. The command is started again if it exits.
 */
public final class CameraScanner extends ReadingScanner {

    /** What the camera command writes. */
    public enum Format {
        MJPEG, YUV420, GREY;

        /** Bytes of one raw frame of {@code width}×{@code height}. */
        int frameBytes(int width, int height) {
            return this == YUV420 ? width * height * 3 / 2 : width * height;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(CameraScanner.class);
    private static final int MAX_FRAME = 4 * 1024 * 1024;

    private final String command;
    private final Format format;
    private final int width;
    private final int height;
    /** Null for MJPEG. */
    private final RawFrameSplitter raw;
    private final AtomicReference<byte[]> waiting = new AtomicReference<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong decoded = new AtomicLong();
    private volatile Process process;
    private volatile Thread decoderThread;

    public CameraScanner(String command, ScanFilter filter) {
        this(command, Format.MJPEG, 0, 0, filter);
    }

    /** @param width the raw frames' width (and {@code height}); unused for MJPEG */
    public CameraScanner(String command, Format format, int width, int height, ScanFilter filter) {
        super("scanner-camera-read", filter);
        this.command = command;
        this.format = format;
        this.width = width;
        this.height = height;
        this.raw = format == Format.MJPEG ? null : new RawFrameSplitter(format.frameBytes(width, height), width * height, this::offer);
    }

    /** Starts the decoder thread, then reads frames from the camera command on this one. */
    @Override
    protected void read(ScanListener onCode) {
        decoderThread = new Thread(() -> decodeLoop(onCode), "scanner-camera-decode");
        decoderThread.setDaemon(true);
        decoderThread.start();
        byte[] buf = new byte[64 * 1024];
        while (running) {
            try {
                process = new ProcessBuilder(List.of("/bin/sh", "-c", command))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                status = DeviceStatus.ready("camera: " + command);
                MjpegSplitter jpegs = raw == null ? new MjpegSplitter(MAX_FRAME, this::offer) : null;
                try (InputStream in = process.getInputStream()) {
                    int n;
                    while (running && (n = in.read(buf)) >= 0) {
                        if (jpegs != null) {
                            jpegs.accept(buf, n);
                        } else {
                            raw.accept(buf, n);
                        }
                    }
                }
                int code = process.waitFor();
                if (running) {
                    status = DeviceStatus.fault("OFFLINE", "camera command exited with " + code);
                    log.warn("camera command exited with {}; starting it again", code);
                    pauseBeforeRetry(); // do not spin on a command that fails at once
                }
            } catch (IOException e) {
                status = DeviceStatus.fault("OFFLINE", "camera command failed: " + e.getMessage());
                pauseBeforeRetry();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void offer(byte[] frame) {
        frames.incrementAndGet();
        byte[] replaced = waiting.getAndSet(frame);
        if (replaced != null) {
            dropped.incrementAndGet();
            recycle(replaced);
        }
        LockSupport.unpark(decoderThread);
    }

    private void recycle(byte[] frame) {
        if (raw != null) {
            raw.recycle(frame);
        }
    }

    private void decodeLoop(ScanListener onCode) {
        QrFrameDecoder decoder = new QrFrameDecoder();
        while (running) {
            byte[] frame = waiting.getAndSet(null);
            if (frame == null) {
                LockSupport.parkNanos(50_000_000);
                continue;
            }
            try {
                Optional<String> code = raw == null ? decoder.decodeJpeg(frame) // its Y channel: no colour conversion
                        : decoder.decodeLuminance(frame, width, height);
                recycle(frame);
                if (code.isPresent()) {
                    decoded.incrementAndGet();
                    onCode.onCode(code.get());
                }
            } catch (RuntimeException e) {
                log.debug("camera frame skipped: {}", e.getMessage());
            }
        }
    }

    /** Frames read, dropped because decoding lagged, and codes found. */
    public long[] counters() {
        return new long[] {frames.get(), dropped.get(), decoded.get()};
    }

    @Override
    protected void release() {
        Process p = process;
        if (p != null) {
            p.destroy();
        }
        Thread d = decoderThread;
        if (d != null) {
            d.interrupt();
        }
    }
}
