package vn.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpNamesTheCommandsAndExitCodes() {
        assertEquals(0, run(Map.of(), "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("run [--config FILE]") && help.contains("demo") && help.contains("KIOSK_HTTP_PORT"), help);
        assertTrue(help.contains("4 data directory already used"), help);
    }

    @Test
    void usageMistakesExitWith2() {
        assertEquals(Main.EXIT_USAGE, run(Map.of()));
        assertEquals(Main.EXIT_USAGE, run(Map.of(), "fly"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'fly'"));
        assertEquals(Main.EXIT_USAGE, run(Map.of(), "run", "--colour", "red"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option '--colour'"));
    }

    @Test
    void previewTicketWritesWhatTheProfileWouldPrint(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path png = dir.resolve("preview/ticket.png");
        assertEquals(0, run(Map.of("KIOSK_DATA_DIR", dir.resolve("data").toString()), "preview-ticket", "--out", png.toString(),
                "--profile", "pos5890-58"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("profile pos5890-58, 384 dots wide, text mode cp1258"));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(384, image.getWidth());
        assertEquals("3f2c1e9a-7b4d-4e8f-9a1b-2c3d4e5f6a7b", vn.kiosk.hw.printer.PrintedQr.read(image));

        assertEquals(Main.EXIT_FAILED, run(Map.of(), "preview-ticket", "--out", png.toString(), "--profile", "nope"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no printer profile 'nope'"));
        assertEquals(Main.EXIT_USAGE, run(Map.of(), "preview-ticket"));
    }

    @Test
    void checkConfigValidatesWithoutStarting() {
        assertEquals(0, run(Map.of(), "check-config"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("configuration OK"));
        assertEquals(Main.EXIT_CONFIG, run(Map.of("KIOSK_HTTP_PORT", "0"), "check-config"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("http.port: value 0: expected a TCP port from 1 to 65535"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkConfigRefusesAnOversizedFileQuicklyWithExit3(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("kiosk.yaml");
        java.nio.file.Path small = dir.resolve("small.yaml");
        java.nio.file.Files.writeString(small, "site: { id: \"ward-1\" }\n");
        // once first, so the timing below is the refusal, not this JVM loading the loader's classes
        assertEquals(0, run(Map.of(), "check-config", "--config", small.toString()));
        java.nio.file.Files.writeString(file, "site:\n  name:\n    vi: \"" + "a".repeat(10 * 1024 * 1024) + "\"\n");
        long start = System.nanoTime();
        assertEquals(Main.EXIT_CONFIG, run(Map.of(), "check-config", "--config", file.toString()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "refused in " + millis + " ms");
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains(file + ": (top level): the file is 10.0 MB; the limit is 256 KB"), said);
    }
}
