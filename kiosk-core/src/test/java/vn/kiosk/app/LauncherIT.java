package vn.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Ports;

/**
 * scripts/kiosk as users run it, on the kiosk.jar and lib/ this build just packaged (so it runs
 * after packaging, as an integration test): the Pi's JVM flags, a first start without a
 * class-data archive that trains one in the background, the next start mapping it, its name tied
 * to the JVM flags (a change trains a new one and removes the old), {@code demo} with the embedded
 * broker on its class path (never {@code run}) mapping the same archive, and KIOSK_CDS=off.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("scripts/kiosk");
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void piFlagsAnArchiveTrainedAfterTheFirstStartUsedByTheNextAndKioskCdsOff() throws Exception {
        Path data = dir.resolve("data");
        Path cds = data.resolve("cds");
        Map<String, String> env = new HashMap<>(Map.of("KIOSK_DATA_DIR", data.toString()));
        int port = Ports.free();

        List<String> first = runAndStop(env, port, kiosk -> Poll.until(START, "the archive trained in the background",
                () -> archives(cds).size() == 1 && size(archives(cds).get(0)) > 0));
        for (String flag : List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k")) {
            assertTrue(first.contains(flag), flag + " in " + first);
        }
        assertTrue(first.stream().anyMatch(a -> a.startsWith("-Dkiosk.trainArchive=")), "no archive yet: training asked " + first);
        assertFalse(first.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")), first.toString());
        Path archive = archives(cds).get(0);
        assertTrue(archive.getFileName().toString().matches("kiosk-\\d+\\.jsa"), archive.toString());

        List<String> second = runAndStop(env, port, kiosk -> { });
        assertTrue(second.contains("-XX:SharedArchiveFile=" + archive), "the next start maps it: " + second);
        assertFalse(second.stream().anyMatch(a -> a.startsWith("-Dkiosk.trainArchive=")), second.toString());
        assertEquals(List.of(), moquetteJars(first), "the embedded broker is not on the class path of run");

        // kiosk demo: the demo broker's jars (lib-demo/) appended to the same class path, the same archive
        List<String> demo = runAndStop(env, port, "demo", kiosk -> Poll.until(START, "the demo broker's address on stdout",
                () -> kiosk.stdout().contains("Fleet broker (embedded): tcp://127.0.0.1:")));
        assertFalse(moquetteJars(demo).isEmpty(), "demo has the embedded broker: " + demo);
        assertTrue(demo.contains("-XX:SharedArchiveFile=" + archive), "demo maps the archive run trained: " + demo);
        assertTrue(Files.exists(archive), "and leaves it in place");

        env.put("KIOSK_JAVA_OPTS", "-Xmx72m -XX:+UseSerialGC");
        List<String> otherFlags = runAndStop(env, port, kiosk -> { });
        assertTrue(otherFlags.contains("-Xmx72m"), otherFlags.toString());
        assertFalse(otherFlags.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")),
                "an archive is tied to the flags it was recorded with: " + otherFlags);
        assertFalse(Files.exists(archive), "the archive of the old flags is removed");
        env.remove("KIOSK_JAVA_OPTS");

        env.put("KIOSK_CDS", "off");
        List<String> off = runAndStop(env, port, kiosk -> { });
        assertFalse(off.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-Dkiosk.trainArchive")),
                "KIOSK_CDS=off: neither an archive nor training: " + off);
    }

    @Test
    void anInstalledCopyWithoutLibDemoRunsTheDemoWithoutTheEmbeddedBroker() throws Exception {
        Path built = LAUNCHER.getParent().getParent().resolve("kiosk-core/target");
        Path home = dir.resolve("opt-kiosk"); // what install-pi.sh copies: kiosk.jar and lib/, no lib-demo/
        Files.createDirectories(home);
        Files.createSymbolicLink(home.resolve("kiosk.jar"), built.resolve("kiosk.jar"));
        Files.createSymbolicLink(home.resolve("lib"), built.resolve("lib"));
        Map<String, String> env = Map.of("KIOSK_HOME", home.toString(), "KIOSK_CDS", "off",
                "KIOSK_DATA_DIR", dir.resolve("data").toString());
        try (KioskProcess kiosk = KioskProcess.startLauncher(LAUNCHER, dir, Ports.free(), env, "demo").awaitReady(START)) {
            assertTrue(kiosk.stderr().contains("the embedded demo broker is not installed here"), kiosk.stderr());
            assertFalse(kiosk.stdout().contains("Fleet broker (embedded)"), kiosk.stdout());
        }
    }

    private interface WhileRunning {
        void accept(KioskProcess kiosk) throws Exception;
    }

    /** Starts the launcher, returns the JVM's command line (the launcher execs java), then SIGTERM. */
    private List<String> runAndStop(Map<String, String> env, int port, WhileRunning whileRunning) throws Exception {
        return runAndStop(env, port, "run", whileRunning);
    }

    private List<String> runAndStop(Map<String, String> env, int port, String command, WhileRunning whileRunning) throws Exception {
        try (KioskProcess kiosk = KioskProcess.startLauncher(LAUNCHER, dir, port, env, command).awaitReady(START)) {
            List<String> cmdline = List.of(new String(Files.readAllBytes(Path.of("/proc/" + kiosk.process().pid() + "/cmdline")),
                    StandardCharsets.UTF_8).split("\0"));
            assertTrue(cmdline.get(0).endsWith("/bin/java"), "the launcher execs java: " + cmdline);
            whileRunning.accept(kiosk);
            int code = kiosk.terminate(Duration.ofSeconds(15));
            assertTrue(code == 0 || code == 143, "exit " + code + "\n" + kiosk.stderr());
            return cmdline;
        }
    }

    /** The Moquette jars on the class path of a JVM command line. */
    private static List<String> moquetteJars(List<String> cmdline) {
        int cp = cmdline.indexOf("-cp");
        assertTrue(cp > 0, "a class path in " + cmdline);
        return Stream.of(cmdline.get(cp + 1).split(":")).filter(jar -> jar.contains("moquette")).toList();
    }

    private static List<Path> archives(Path cds) {
        if (!Files.isDirectory(cds)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cds)) {
            return s.filter(p -> p.getFileName().toString().matches("kiosk-\\d+\\.jsa")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
