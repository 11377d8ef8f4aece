package vn.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/install-pi.sh into a temporary root (--root), then systemd-analyze verify on the installed units. */
class InstallerTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path INSTALLER = REPO.resolve("scripts/install-pi.sh");

    @TempDir
    Path dir;
    private Path root;
    private Path app;

    record Result(int exit, String output) { }

    @BeforeEach
    void fakeApplication() throws IOException {
        root = dir.resolve("root");
        // Only copied by the installer: a stand-in for the packaged kiosk.jar + lib/.
        app = dir.resolve("app");
        Files.createDirectories(app.resolve("lib"));
        Files.writeString(app.resolve("kiosk.jar"), "kiosk");
        Files.writeString(app.resolve("lib/a-1.0.jar"), "a");
        Files.writeString(app.resolve("lib/b-2.0.jar"), "b");
        Files.createDirectories(app.resolve("lib-demo"));
        Files.writeString(app.resolve("lib-demo/moquette-broker-0.17.jar"), "the demo broker");
    }

    /** JUnit warns about each link pointing out of its temporary directory (/opt/kiosk/bin/kiosk, /dev/null ...). */
    @AfterEach
    void removeLinks() throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isSymbolicLink).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("KIOSK_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished: " + String.join(" ", command));
        return new Result(p.exitValue(), out);
    }

    private Result install(String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(INSTALLER.toString(), "--root", root.toString(), "--app-dir", app.toString(),
                "--desktop-user", "kioskscreen"));
        cmd.addAll(List.of(extra));
        Result r = run(Map.of(), cmd.toArray(String[]::new));
        assertEquals(0, r.exit(), r.output());
        return r;
    }

    /** Every file under the root by path, with a digest of its content (symbolic links by target). */
    private Map<String, String> snapshot() throws Exception {
        Map<String, String> files = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    files.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    files.put(key, HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
                }
            }
        }
        return files;
    }

    private Path at(String path) {
        return root.resolve(path.substring(1));
    }

    @Test
    void writesEveryFileUnderTheRootAndOnlyPrintsTheSystemActions() throws Exception {
        Result r = install();

        assertEquals("kiosk", Files.readString(at("/opt/kiosk/kiosk.jar")));
        assertEquals("b", Files.readString(at("/opt/kiosk/lib/b-2.0.jar")));
        assertFalse(Files.exists(at("/opt/kiosk/lib-demo")), "kiosk demo's embedded broker is not installed on the Pi");
        assertFalse(Files.exists(at("/opt/kiosk/lib/moquette-broker-0.17.jar")));
        assertTrue(Files.isExecutable(at("/opt/kiosk/bin/kiosk")));
        assertTrue(Files.isExecutable(at("/opt/kiosk/bin/kiosk-browser")));
        assertEquals(Files.readString(REPO.resolve("scripts/lib/java.sh")), Files.readString(at("/opt/kiosk/bin/lib/java.sh")));
        // the launcher sources its JVM flags from there: without it the installed kiosk does not start
        assertEquals(Files.readString(REPO.resolve("scripts/lib/jvm-opts.sh")), Files.readString(at("/opt/kiosk/bin/lib/jvm-opts.sh")));
        assertEquals(Path.of("/opt/kiosk/bin/kiosk"), Files.readSymbolicLink(at("/usr/local/bin/kiosk")));
        assertEquals(Files.readString(REPO.resolve("config/kiosk.yaml")), Files.readString(at("/etc/kiosk/kiosk.yaml")));
        assertEquals(Files.readString(REPO.resolve("config/logback.xml")), Files.readString(at("/etc/kiosk/logback.xml")));
        assertTrue(Files.isDirectory(at("/var/lib/kiosk")));
        assertEquals(Files.readString(REPO.resolve("config/systemd/kiosk.service")),
                Files.readString(at("/etc/systemd/system/kiosk.service")));
        assertEquals(Files.readString(REPO.resolve("config/systemd/kiosk-browser.service")),
                Files.readString(at("/etc/systemd/system/kiosk-browser.service")));
        assertTrue(Files.readString(at("/etc/systemd/system/kiosk-browser.service.d/desktop-user.conf")).contains("User=kioskscreen"));
        assertTrue(Files.readString(at("/etc/systemd/journald.conf.d/kiosk.conf")).contains("SystemMaxUse="));

        for (String action : List.of("apt-get install", "openjdk-21", "fonts-noto-core", "espeak-ng", "useradd --system", "groupadd --system gpio",
                "usermod -a -G gpio,dialout,input,video kiosk", "chown -R kiosk:kiosk /var/lib/kiosk", "systemctl daemon-reload",
                "systemctl enable kiosk.service kiosk-browser.service")) {
            assertTrue(r.output().lines().anyMatch(l -> l.startsWith("would run: ") && l.contains(action)), action + " in\n" + r.output());
        }
        assertTrue(r.output().contains("would record the class-data-sharing archive"), r.output());
        assertFalse(r.output().lines().anyMatch(l -> l.startsWith("run: ")), "no system action ran:\n" + r.output());
    }

    @Test
    void aSecondRunChangesNothingAndKeepsAnEditedConfiguration() throws Exception {
        Files.createDirectories(at("/opt/kiosk/lib"));
        Files.writeString(at("/opt/kiosk/lib/a-0.9.jar"), "an older version");
        install();
        assertFalse(Files.exists(at("/opt/kiosk/lib/a-0.9.jar")), "a jar the new build does not have is removed");

        Map<String, String> first = snapshot();
        install();
        assertEquals(first, snapshot(), "a second run changes no file");

        String edited = Files.readString(at("/etc/kiosk/kiosk.yaml")) + "\ndevice:\n  id: kiosk-07\n";
        Files.writeString(at("/etc/kiosk/kiosk.yaml"), edited);
        Result r = install();
        assertEquals(edited, Files.readString(at("/etc/kiosk/kiosk.yaml")), "the site's configuration is kept");
        assertEquals(Files.readString(REPO.resolve("config/kiosk.yaml")), Files.readString(at("/etc/kiosk/kiosk.yaml.new")));
        assertTrue(r.output().contains("keeping /etc/kiosk/kiosk.yaml"), r.output());

        Map<String, String> third = snapshot();
        install();
        assertEquals(third, snapshot(), "idempotent with an edited configuration too");
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        Result r = install("--dry-run");
        assertFalse(Files.exists(root), "nothing under the root");
        assertTrue(r.output().contains("would install /opt/kiosk/kiosk.jar"), r.output());
        assertTrue(r.output().contains("would install /etc/systemd/system/kiosk.service"), r.output());
        assertTrue(r.output().contains("would run: systemctl enable"), r.output());
    }

    @Test
    void theInstalledLauncherFindsTheInstalledApplication() throws Exception {
        Assumptions.assumeFalse(Files.exists(Path.of("/opt/kiosk/kiosk.jar")), "a real installation here would answer instead");
        install();
        Path launcher = at("/opt/kiosk/bin/kiosk");
        assertFalse(run(Map.of(), launcher.toString(), "--help").output().contains("not built yet"));
        Files.delete(at("/opt/kiosk/kiosk.jar"));
        assertTrue(run(Map.of(), launcher.toString(), "--help").output().contains("not built yet"), "the check itself works");
    }

    @Test
    void theInstalledUnitsPassSystemdAnalyzeVerify() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assertTrue(Files.isExecutable(analyze), "systemd-analyze (Debian package systemd) is needed");
        install();
        // verify --root loads the units the kiosk's depend on (sysinit.target ...) from the root too.
        Path stock = Files.isDirectory(Path.of("/usr/lib/systemd/system")) ? Path.of("/usr/lib/systemd/system") : Path.of("/lib/systemd/system");
        Path target = at("/usr/lib/systemd/system");
        try (Stream<Path> walk = Files.walk(stock)) {
            for (Path p : walk.toList()) {
                Path copy = target.resolve(stock.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy, LinkOption.NOFOLLOW_LINKS); // the .wants/ links stay links
                }
            }
        }
        for (String unit : List.of("kiosk.service", "kiosk-browser.service")) {
            Result r = verify(unit);
            assertEquals(new Result(0, ""), r, unit + ": no errors and no warnings");
        }

        // The same check on a broken unit reports it (so a passing verify means something).
        Path unit = at("/etc/systemd/system/kiosk.service");
        Files.writeString(unit, Files.readString(unit).replace("Type=notify", "Type=notify-ish"));
        Result broken = verify("kiosk.service");
        assertTrue(broken.output().contains("notify-ish"), broken.toString());
        assertNotEquals(new Result(0, ""), broken);
    }

    private Result verify(String unit) throws Exception {
        return run(Map.of("SYSTEMD_LOG_COLOR", "0"), "/usr/bin/systemd-analyze", "verify", "--root=" + root, "--man=no",
                "/etc/systemd/system/" + unit);
    }
}
