package vn.kiosk.bench;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import vn.kiosk.app.KioskApp;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.hw.testing.PtyPair;
import vn.kiosk.testing.EventStream;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestConfigs;

/**
 * Benchmark (not a test): scan-to-screen latency, from a code's last byte on a real serial line
 * (a socat pty pair) to its event on the touchscreen's SSE stream.
 */
public final class ScanLatencyBench {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("kiosk-scan");
        PtyPair line = new PtyPair(dir).start();
        Path host = line.host();
        Path device = line.device();
        int port = Ports.free();
        KioskApp app = new KioskApp(TestConfigs.load(dir, "devices: { scanner: \"serial:" + host + "\" }\n",
                Map.of("KIOSK_HTTP_PORT", String.valueOf(port))), Clock.systemUTC()).start();
        try (EventStream stream = new EventStream(port); OutputStream out = new FileOutputStream(device.toFile())) {
            Poll.until(Duration.ofSeconds(10), "the scanner", () -> "READY".equals(app.deviceWatch().statuses().get("scanner").state()));
            List<Double> ms = new ArrayList<>();
            int n = Integer.getInteger("bench.scans", 200);
            for (int i = 0; i < n; i++) {
                String code = String.format("000.00.19.H29-250714-%04d", i);
                int before = stream.events().size();
                long t0 = System.nanoTime();
                out.write((code + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Poll.until(Duration.ofSeconds(5), "the scan event", () -> stream.events().size() > before);
                ms.add((stream.arrival(before) - t0) / 1e6);
            }
            Collections.sort(ms);
            System.out.printf("scan to screen (serial line in -> SSE event out), %d scans: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    n, ms.get(n / 2), ms.get((int) Math.ceil(n * 0.99) - 1), ms.get(n - 1));
        } finally {
            app.close();
            line.close();
        }
    }
}
