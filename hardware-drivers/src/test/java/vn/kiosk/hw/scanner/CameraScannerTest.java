package vn.kiosk.hw.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.DeviceUrl;
import vn.kiosk.hw.testing.Poll;

/** The camera path: JPEG frames of QR codes (noise, scale, rotation) streamed as MJPEG by a real child process. */
class CameraScannerTest {

    @TempDir
    Path dir;

    @Test
    void readsQrCodesFromAnMjpegStream() throws Exception {
        String payload = "079050001234|023456789|Trần Văn Bình|15031950|Nam|12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh|20042021";
        Files.write(dir.resolve("1.jpg"), CameraScannerTestFrames.jpeg(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB))); // nothing to see yet
        Files.write(dir.resolve("2.jpg"), CameraScannerTestFrames.jpeg(CameraScannerTestFrames.frame(payload, 5.0, 12, 1)));
        Files.write(dir.resolve("3.jpg"), CameraScannerTestFrames.jpeg(CameraScannerTestFrames.frame("000.00.19.H29-250714-0042", 5.0, -20, 2)));

        List<String> codes = new CopyOnWriteArrayList<>();
        // The frames come through a real child process as one MJPEG stream, paced like a slow camera.
        String command = "cd " + dir + " && for f in 1 2 3; do cat $f.jpg; sleep 0.3; done; sleep 30";
        CameraScanner camera = (CameraScanner) Scanners.open(DeviceUrl.parse("camera:" + command),
                Duration.ofSeconds(3), 2048, Clock.systemUTC());
        camera.start(codes::add);
        Poll.until(Duration.ofSeconds(15), "two codes read", () -> codes.size() >= 2);
        camera.close();
        assertTrue(codes.contains(payload), "ID card QR read: " + codes);
        assertTrue(codes.contains("000.00.19.H29-250714-0042"), "dossier QR read: " + codes);
        assertEquals(3, camera.counters()[0], "three frames read");
    }

    /**
     * Raw frames need no decoding at all: the Y plane of a camera's YUV 4:2:0 output (or an 8-bit
     * grey stream) is the luminance ZXing reads. Read in chunks that do not match the frames.
     */
    @Test
    void readsQrCodesFromRawYuv420AndGreyStreams() throws Exception {
        String payload = "079050001234|023456789|Trần Văn Bình|15031950|Nam|12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh|20042021";
        BufferedImage empty = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        try (var out = Files.newOutputStream(dir.resolve("frames.yuv"))) {
            out.write(CameraScannerTestFrames.yuv420(empty));
            out.write(CameraScannerTestFrames.yuv420(CameraScannerTestFrames.frame(payload, 5.0, 12, 1)));
            out.write(CameraScannerTestFrames.yuv420(CameraScannerTestFrames.frame("000.00.19.H29-250714-0042", 5.0, -20, 2)));
        }
        try (var out = Files.newOutputStream(dir.resolve("frames.grey"))) {
            out.write(CameraScannerTestFrames.grey(empty));
            out.write(CameraScannerTestFrames.grey(CameraScannerTestFrames.frame("000.00.19.H29-250714-0099", 4.0, 30, 3)));
        }
        for (String[] stream : new String[][] {{"yuv420", "frames.yuv", "3"}, {"grey", "frames.grey", "2"}}) {
            List<String> codes = new CopyOnWriteArrayList<>();
            String command = "cd " + dir + " && dd if=" + stream[1] + " bs=100000 status=none; sleep 30";
            CameraScanner camera = (CameraScanner) Scanners.open(DeviceUrl.parse("camera:" + command + "?format=" + stream[0]
                    + "&size=640x480"), Duration.ofSeconds(3), 2048, Clock.systemUTC());
            camera.start(codes::add);
            String last = stream[0].equals("grey") ? "000.00.19.H29-250714-0099" : "000.00.19.H29-250714-0042";
            // the newest frame is never dropped, so the last frame's code is always read
            Poll.until(Duration.ofSeconds(15), "the last " + stream[0] + " frame's code", () -> codes.contains(last));
            camera.close();
            assertEquals(Integer.parseInt(stream[2]), camera.counters()[0], stream[0] + ": every frame read whole");
        }
    }

    @Test
    void aRawFormatNeedsItsFrameSize() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Scanners.validate(DeviceUrl.parse("camera:rpicam-vid --codec yuv420 -o -?format=yuv420")));
        assertTrue(e.getMessage().contains("size"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Scanners.validate(DeviceUrl.parse("camera:x?format=h264&size=640x480")));
        assertTrue(e.getMessage().contains("mjpeg, yuv420 or grey"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Scanners.validate(DeviceUrl.parse("camera:x?format=grey&size=640x")));
        assertTrue(e.getMessage().contains("WIDTHxHEIGHT"), e.getMessage());
    }

    @Test
    void splitsFramesAtTheirMarkersWhateverTheChunks() {
        List<byte[]> frames = new CopyOnWriteArrayList<>();
        MjpegSplitter s = new MjpegSplitter(1000, frames::add);
        byte[] stream = {0x00, (byte) 0xFF, (byte) 0xD8, 1, 2, (byte) 0xFF, (byte) 0xD9, 0x55, (byte) 0xFF, (byte) 0xD8, 3,
            (byte) 0xFF, (byte) 0xD9};
        for (byte b : stream) {
            s.accept(new byte[] {b}, 1);
        }
        assertEquals(2, frames.size());
        assertEquals(6, frames.get(0).length);
    }
}
