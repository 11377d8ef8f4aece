package vn.kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.problem.Problem;

/** espeak-ng, run as the kiosk runs it: bounded in time, text and number of processes. */
class EspeakTest {

    @TempDir
    Path dir;

    private Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void speaksVietnameseIntoACompleteWav() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng")), "needs Debian's espeak-ng");
        byte[] wav = Espeak.onThisDevice().wav("vi", "Số của bạn là A 0 0 1. Mời bạn đến Quầy 4.");
        Wav.assertComplete(wav);
        assertTrue(wav.length > 40_000, "a few seconds of speech, not " + wav.length + " bytes");
    }

    @Test
    void withoutEspeakTheAnswerSaysWhatToInstall() {
        Problem p = assertThrows(Problem.class, () -> new Espeak(List.of(dir.resolve("espeak-ng").toString()),
                Duration.ofSeconds(5), 600).wav("vi", "Xin chào"));
        assertEquals(503, p.status());
        assertEquals("speech_unavailable", p.code());
        assertTrue(p.getMessage().contains("apt install espeak-ng"), p.getMessage());
    }

    @Test
    void aSynthesisThatHangsIsStoppedAtTheTimeout() throws Exception {
        Path hangs = script("hangs", "exec sleep 30");
        long t0 = System.nanoTime();
        Problem p = assertThrows(Problem.class, () -> new Espeak(List.of(hangs.toString()), Duration.ofMillis(500), 600)
                .wav("vi", "Xin chào"));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(503, p.status());
        assertEquals("speech_timeout", p.code());
        assertTrue(millis < 3_000, "gave up after " + millis + " ms");
    }

    @Test
    void textIsBoundedAndASpeakerOutputNothingIsAnError() throws Exception {
        Espeak silent = new Espeak(List.of(script("silent", "cat >/dev/null; exit 0").toString()), Duration.ofSeconds(5), 100);
        assertEquals(400, assertThrows(Problem.class, () -> silent.wav("vi", "a".repeat(101))).status());
        Problem p = assertThrows(Problem.class, () -> silent.wav("vi", "Xin chào"));
        assertEquals(503, p.status(), p.getMessage());
    }

    /** One synthesis at a time: a Pi's CPU serves the touchscreen first. */
    @Test
    void runsOneProcessAtATime() throws Exception {
        Path overlap = dir.resolve("overlap");
        Path lock = dir.resolve("lock");
        Path fake = script("one-at-a-time", "cat >/dev/null\nmkdir " + lock + " || echo overlap >> " + overlap
                + "\nsleep 0.2\nrmdir " + lock + "\nprintf 'RIFF\\044\\000\\000\\000WAVEfmt \\020\\000\\000\\000\\001\\000\\001\\000"
                + "\\042\\126\\000\\000\\104\\254\\000\\000\\002\\000\\020\\000data\\000\\000\\000\\000'");
        Espeak espeak = new Espeak(List.of(fake.toString()), Duration.ofSeconds(5), 600);
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit((Callable<byte[]>) () -> espeak.wav("vi", "Xin chào")));
            }
            for (Future<byte[]> run : runs) {
                Wav.assertComplete(run.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(Files.exists(overlap), "two espeak-ng processes ran at once");
    }
}
