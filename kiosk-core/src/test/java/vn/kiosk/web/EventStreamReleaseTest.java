package vn.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Ports;

/** Streams a client closed are released within seconds, not at the next event (which may be hours away). */
class EventStreamReleaseTest {

    private static final int CYCLES = 300;

    @TempDir
    Path dir;

    @Test
    void closedStreamsGiveTheirFileDescriptorsBackWithinSeconds() throws Exception {
        Path config = dir.resolve("kiosk.yaml");
        Files.writeString(config, "http: { maxEventStreams: 1000 }\n");
        int port = Ports.free();
        try (KioskProcess kiosk = KioskProcess.start(dir, port, Map.of("KIOSK_DATA_DIR", dir.resolve("data").toString()),
                "demo", "--config", config.toString()).awaitReady(Duration.ofSeconds(30))) {
            long pid = kiosk.process().pid();
            long baseline = fds(pid);
            String rssBefore = rss(pid);
            for (int i = 0; i < CYCLES; i++) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    s.setSoTimeout(5_000);
                    s.getOutputStream().write(("GET /api/events HTTP/1.1\r\nHost: kiosk\r\nAccept: text/event-stream\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    awaitConnected(s.getInputStream());
                }
            }
            long afterCycles = fds(pid);
            long closed = System.nanoTime();
            Poll.until(Duration.ofSeconds(10), "the kiosk's open files to return near " + baseline + " (after "
                    + CYCLES + " streams: " + afterCycles + ", now " + fds(pid) + ")", () -> fds(pid) <= baseline + 10);
            System.out.printf("fds: baseline %d, after %d open/close cycles %d, back to %d after %d ms; %s -> %s%n",
                    baseline, CYCLES, afterCycles, fds(pid), (System.nanoTime() - closed) / 1_000_000, rssBefore, rss(pid));
            assertTrue(kiosk.api().get("/api/health").status() == 200);
        }
    }

    private static void awaitConnected(InputStream in) throws IOException {
        StringBuilder seen = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            seen.append((char) b);
            if (seen.indexOf("connected\n") >= 0) {
                return;
            }
        }
        throw new AssertionError("the stream closed before its first comment: " + seen);
    }

    private static long fds(long pid) {
        try (Stream<Path> s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return s.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String rss(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("?").replaceAll("\\s+", " ");
    }
}
