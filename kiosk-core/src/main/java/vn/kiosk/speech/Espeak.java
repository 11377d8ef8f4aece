package vn.kiosk.speech;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.kiosk.problem.Problem;

/**
 * Speech made on the kiosk with espeak-ng (Debian package espeak-ng; it speaks Vietnamese offline),
 * for a browser without a Vietnamese voice. Bounded: one process at a time (a Pi's CPU serves the
 * touchscreen first), a timeout after which the process is killed, a maximum text length and
 * output size. The text goes in on stdin, never on a command line.
 */
public final class Espeak {

    /** espeak-ng's default is 175 words a minute; slower is easier to follow for older citizens. */
    private static final String WORDS_PER_MINUTE = "145";
    /** About three minutes of speech at espeak-ng's 22 kHz, 16-bit mono. */
    static final int MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

    private final List<String> command;
    private final Duration timeout;
    private final int maxChars;
    private final Semaphore oneAtATime = new Semaphore(1, true);

    /** @param command the program and any fixed arguments, e.g. ["espeak-ng"] */
    public Espeak(List<String> command, Duration timeout, int maxChars) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.maxChars = maxChars;
    }

    /** espeak-ng from PATH, 10 s, 600 characters (the longest phrase is about 300). */
    public static Espeak onThisDevice() {
        return new Espeak(List.of("espeak-ng"), Duration.ofSeconds(10), 600);
    }

    /** The text spoken by an espeak-ng voice ("vi", "en") as a WAV file. */
    public byte[] wav(String voice, String text) {
        if (text.length() > maxChars) {
            throw new Problem(400, "too_long", "a phrase of " + text.length() + " characters; at most " + maxChars + " are spoken");
        }
        try {
            if (!oneAtATime.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Problem(503, "speech_busy", "the kiosk is busy speaking; try again in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(503, "speech_busy", "interrupted while waiting to speak");
        }
        try {
            return run(voice, text);
        } finally {
            oneAtATime.release();
        }
    }

    private byte[] run(String voice, String text) {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(List.of("-v", voice, "-s", WORDS_PER_MINUTE, "--stdout"));
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new Problem(503, "speech_unavailable", "espeak-ng is not installed on this kiosk (apt install espeak-ng): "
                    + e.getMessage());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            CompletableFuture<byte[]> out = new CompletableFuture<>();
            Thread.ofVirtual().name("espeak-out").start(() -> {
                try {
                    out.complete(readAtMost(p.getInputStream(), MAX_OUTPUT_BYTES));
                } catch (IOException | RuntimeException e) {
                    out.completeExceptionally(e);
                }
            });
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // it stopped reading (it failed, or it is not espeak-ng): its exit status says which
            }
            if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new Problem(503, "speech_timeout", "espeak-ng did not finish within " + timeout.toMillis() + " ms");
            }
            byte[] wav = out.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (p.exitValue() != 0) {
                throw new Problem(503, "speech_failed", "espeak-ng failed (exit " + p.exitValue() + "); is its voice '"
                        + voice + "' installed (espeak-ng --voices)?");
            }
            return WavSizes.fixed(wav);
        } catch (TimeoutException e) {
            throw new Problem(503, "speech_timeout", "espeak-ng did not finish within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new Problem(503, "speech_failed", "could not read espeak-ng's audio: " + e.getCause().getMessage());
        } catch (IllegalArgumentException e) {
            throw new Problem(503, "speech_failed", "espeak-ng's output is not a WAV file: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(503, "speech_timeout", "interrupted while speaking");
        } finally {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] buf = new byte[16 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (out.size() + n > max) {
                throw new IOException("more than " + max + " bytes of audio");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
