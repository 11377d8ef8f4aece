package vn.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.testing.Poll;

/** The class-data-sharing training: a whole kiosk start and stop in a scratch directory, started late and low. */
class ArchiveTrainingTest {

    @TempDir
    Path dir;

    private static long scratchDirs() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("kiosk-archive-training")).count();
        }
    }

    @Test
    void theTrainingRunStartsServesAndStopsTheKioskAndLeavesNothingBehind() throws Exception {
        long before = scratchDirs();
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, "devices: { printer: \"serial:/dev/ttyUSB0\" }\nhttp: { port: 8080 }\n");
        // the real kiosk holds the printer, the port and the data directory: the training uses none of them
        assertEquals(0, ArchiveTraining.run(site, Map.of("KIOSK_DATA_DIR", dir.resolve("data").toString())));
        assertEquals(before, scratchDirs(), "the scratch directory is removed");
        assertEquals(false, Files.exists(dir.resolve("data")), "the real data directory is not touched");
    }

    @Test
    void aReadyKioskStartsTheTrainingThroughTheLauncherAtTheLowestPriority() throws Exception {
        Path record = dir.resolve("called.txt");
        Path launcher = dir.resolve("kiosk");
        Files.writeString(launcher, "#!/bin/sh\necho \"$(ps -o ni= -p $$ | tr -d ' ') $*\" > " + record + ".tmp && mv "
                + record + ".tmp " + record + "\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        ArchiveTraining.startInBackground(launcher.toString(), Path.of("/etc/kiosk/kiosk.yaml"));
        Poll.until(Duration.ofSeconds(10), "the launcher to be called", () -> Files.exists(record));
        assertEquals("19 train-archive --config /etc/kiosk/kiosk.yaml", Files.readString(record).strip());
    }
}
