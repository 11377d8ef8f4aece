package vn.kiosk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The live objects of another JVM (jcmd GC.heap_dump, which collects garbage first), searched for
 * text in every form the JVM may hold it: Latin-1 or UTF-8 bytes (compact strings, raw input),
 * UTF-16LE (strings with non-Latin-1 letters, on x86 and ARM) and UTF-16BE (char arrays, which
 * the HPROF format writes big-endian).
 */
public final class HeapDump {

    private static final List<Charset> FORMS = List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
            StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

    private final byte[] bytes;

    private HeapDump(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Dumps the live heap of {@code process} (a JVM started with the same Java as this one). */
    public static HeapDump of(Process process, Path dir) {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Path jcmd = java.resolveSibling("jcmd");
        Path file = dir.resolve("heap-" + process.pid() + "-" + System.nanoTime() + ".hprof");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.heap_dump", file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(file)) {
                throw new IllegalStateException("jcmd GC.heap_dump failed: " + out);
            }
            byte[] data = Files.readAllBytes(file);
            Files.delete(file); // it holds what the test looks for
            return new HeapDump(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The encodings in which {@code text} occurs in the dump; empty when it occurs in none. */
    public List<String> formsOf(String text) {
        List<String> found = new ArrayList<>();
        for (Charset cs : FORMS) {
            if (cs.newEncoder().canEncode(text) && indexOf(bytes, text.getBytes(cs)) >= 0) {
                found.add(cs.name());
            }
        }
        return found;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
