package vn.kiosk.hw.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.DeviceUrl;
import vn.kiosk.hw.testing.PtyPair;
import vn.kiosk.hw.testing.Poll;

/** A USB-CDC scanner over a real serial path: a socat pty pair, the test typing on the far end. */
class SerialScannerTest {

    @TempDir
    Path dir;

    @Test
    void codesEndAtCrOrLfOnceDuplicatesAndOverlongInputAreDroppedAndUnplugIsSurvived() throws Exception {
        Assumptions.assumeTrue(PtyPair.socatInstalled(), "socat is not installed");
        try (PtyPair line = new PtyPair(dir).start()) {
            List<String> codes = new CopyOnWriteArrayList<>();
            QrScanner scanner = Scanners.open(DeviceUrl.parse("serial:" + line.host() + "?baud=9600"), Duration.ofSeconds(2),
                    64, Clock.systemUTC());
            scanner.start(codes::add);
            Poll.until(Duration.ofSeconds(10), "the scanner ready", () -> "READY".equals(scanner.status().state()));
            try (OutputStream out = new FileOutputStream(line.device().toFile())) {
                write(out, "000.00.19.H29-250714-0042\r\n");       // CRLF counts once
                write(out, "\r\n\n");                                // empty lines ignored
                write(out, "000.00.19.H29-250714-0042\r\n");       // the same code again at once: counted once
                write(out, "https://example.org/some/page\r");      // CR alone ends a code
                write(out, "x".repeat(300) + "\n");                  // over-long: dropped whole
                write(out, "079050001234|||Nam\n");                 // LF alone ends a code
                Poll.until(Duration.ofSeconds(10), "three codes read", () -> codes.size() == 3);
            }
            assertEquals(List.of("000.00.19.H29-250714-0042", "https://example.org/some/page", "079050001234|||Nam"), codes);

            line.unplug();
            Poll.until(Duration.ofSeconds(10), "the scanner offline", () -> "OFFLINE".equals(scanner.status().state()));
            line.start();
            Poll.until(Duration.ofSeconds(10), "the scanner ready", () -> "READY".equals(scanner.status().state()));
            try (OutputStream out = new FileOutputStream(line.device().toFile())) {
                write(out, "000.31.28.H29-251201-1203\n");
                Poll.until(Duration.ofSeconds(10), "four codes read", () -> codes.size() == 4);
            }
            assertEquals("000.31.28.H29-251201-1203", codes.get(3));
            scanner.close();
        }
    }

    private static void write(OutputStream out, String s) throws Exception {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
