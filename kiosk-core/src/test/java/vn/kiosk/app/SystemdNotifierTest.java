package vn.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.testing.Poll;

/** The notifier against a fake systemd-notify that records each call's arguments as one line. */
class SystemdNotifierTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private Path fake;
    private Path calls;

    @BeforeEach
    void fakeSystemdNotify() throws IOException {
        calls = dir.resolve("calls.txt");
        fake = dir.resolve("systemd-notify");
        Files.writeString(fake, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    }

    private List<String> calls() {
        try {
            return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long pings() {
        return calls().stream().filter("WATCHDOG=1"::equals).count();
    }

    private SystemdNotifier notifier(Map<String, String> env) {
        return new SystemdNotifier(env, fake.toString());
    }

    @Test
    void readyIsSentOnceAndStoppingOnClose() {
        try (SystemdNotifier n = notifier(Map.of("NOTIFY_SOCKET", "/run/systemd/notify"))) {
            n.ready(() -> true);
            n.ready(() -> true);
            assertEquals(List.of("--ready"), calls(), "no WATCHDOG_USEC: READY only, once");
        }
        assertEquals(List.of("--ready", "STOPPING=1"), calls());
    }

    @Test
    void watchdogIsFedOnlyWhileHealthy() {
        AtomicBoolean healthy = new AtomicBoolean(true);
        AtomicInteger probes = new AtomicInteger();
        // WATCHDOG_USEC 0.2 s: a ping every 0.1 s.
        try (SystemdNotifier n = notifier(Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "200000"))) {
            n.ready(() -> {
                probes.incrementAndGet();
                return healthy.get();
            });
            Poll.until(WAIT, "three watchdog pings while healthy", () -> pings() >= 3);

            healthy.set(false);
            int probed = probes.get();
            // Two more probes: at least one ran wholly after the flip, so any ping in flight has landed.
            Poll.until(WAIT, "the probe to run twice more", () -> probes.get() >= probed + 2);
            long before = pings();
            Poll.never(Duration.ofMillis(800), "a ping while the health check is DOWN", () -> pings() > before);
            assertTrue(probes.get() >= probed + 6, "the probe kept running: " + (probes.get() - probed));

            healthy.set(true);
            Poll.until(WAIT, "pings again once healthy", () -> pings() > before);
        }
        assertEquals("--ready", calls().get(0));
        assertEquals("STOPPING=1", calls().get(calls().size() - 1));
    }

    @Test
    void neverPingsWhenUnhealthyFromTheStart() {
        AtomicInteger probes = new AtomicInteger();
        try (SystemdNotifier n = notifier(Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "200000"))) {
            n.ready(() -> probes.incrementAndGet() < 0);
            Poll.until(WAIT, "the probe to run", () -> probes.get() >= 3);
            Poll.never(Duration.ofMillis(500), "a ping", () -> pings() > 0);
        }
    }

    @Test
    void watchdogMeantForAnotherProcessIsIgnored() {
        AtomicInteger probes = new AtomicInteger();
        try (SystemdNotifier n = notifier(Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "200000",
                "WATCHDOG_PID", String.valueOf(ProcessHandle.current().pid() + 1)))) {
            n.ready(() -> probes.incrementAndGet() > 0);
            Poll.never(Duration.ofMillis(500), "a ping or a probe", () -> pings() > 0 || probes.get() > 0);
            assertEquals(List.of("--ready"), calls());
        }
    }

    @Test
    void doesNothingWithoutNotifySocket() {
        AtomicInteger probes = new AtomicInteger();
        try (SystemdNotifier n = notifier(Map.of("WATCHDOG_USEC", "200000"))) {
            n.ready(() -> probes.incrementAndGet() > 0);
            Poll.never(Duration.ofMillis(500), "systemd-notify to run", () -> Files.exists(calls) || probes.get() > 0);
        }
        assertFalse(Files.exists(calls), "not even STOPPING=1");
    }

    /** A missing systemd-notify must neither throw nor stop the watchdog loop (it keeps trying each period). */
    @Test
    void aMissingCommandNeitherThrowsNorStopsTheWatchdogLoop() {
        AtomicInteger probes = new AtomicInteger();
        try (SystemdNotifier n = new SystemdNotifier(Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "200000"),
                dir.resolve("no-such-command").toString())) {
            n.ready(() -> probes.incrementAndGet() > 0);
            Poll.until(WAIT, "the health probe to keep running after failed pings", () -> probes.get() >= 3);
        }
        int after = probes.get();
        Poll.never(Duration.ofMillis(400), "a probe after close", () -> probes.get() > after + 1);
    }
}
