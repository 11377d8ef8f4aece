package vn.kiosk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd (Type=notify) when the kiosk is ready and, under WatchdogSec, that it is still
 * healthy. Java's Unix-domain sockets are stream-only and the notify socket takes datagrams, so
 * this runs {@code systemd-notify}; the unit's NotifyAccess=all lets that child speak for us.
 * Without $NOTIFY_SOCKET (a terminal, the tests) it does nothing. It never throws: a kiosk that
 * cannot notify is still a kiosk, and systemd's own timeouts then decide.
 */
public final class SystemdNotifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SystemdNotifier.class);
    private static final long COMMAND_TIMEOUT_SECONDS = 5;

    private final Map<String, String> env;
    private final String command;
    private final boolean enabled;
    private volatile Thread watchdog;
    private volatile boolean closed;
    private boolean readySent;

    public SystemdNotifier(Map<String, String> env) {
        this(env, "systemd-notify");
    }

    /** {@code command}: the systemd-notify program (tests give a fake that records its arguments). */
    public SystemdNotifier(Map<String, String> env, String command) {
        this.env = Map.copyOf(env);
        this.command = command;
        String socket = env.get("NOTIFY_SOCKET");
        this.enabled = socket != null && !socket.isBlank();
    }

    /** READY=1, then (if systemd asked for a watchdog) pings every half period while {@code healthy} holds. */
    public synchronized void ready(BooleanSupplier healthy) {
        if (!enabled || closed || readySent) {
            return;
        }
        readySent = true;
        send("--ready");
        long periodMillis = watchdogMillis() / 2;
        if (periodMillis <= 0) {
            return;
        }
        Thread t = new Thread(() -> pingWhileHealthy(healthy, periodMillis), "systemd-watchdog");
        t.setDaemon(true);
        watchdog = t;
        t.start();
    }

    private void pingWhileHealthy(BooleanSupplier healthy, long periodMillis) {
        boolean wasOk = true;
        while (!closed) {
            boolean ok;
            try {
                ok = healthy.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            if (ok) {
                send("WATCHDOG=1");
            } else if (wasOk) {
                // No ping: systemd restarts the kiosk once WatchdogSec passes without one.
                log.warn("health check is DOWN: no longer pinging the systemd watchdog");
            }
            wasOk = ok;
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long watchdogMillis() {
        try {
            String usec = env.get("WATCHDOG_USEC");
            String pid = env.get("WATCHDOG_PID");
            // WATCHDOG_PID names the process the watchdog is meant for; a child that inherited it is not.
            if (usec == null || (pid != null && !pid.isBlank() && Long.parseLong(pid.trim()) != ProcessHandle.current().pid())) {
                return 0;
            }
            return Long.parseLong(usec.trim()) / 1000;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void send(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(command);
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.warn("{} {} did not finish", command, String.join(" ", args));
            } else if (p.exitValue() != 0) {
                log.warn("{} {} failed with exit code {}", command, String.join(" ", args), p.exitValue());
            }
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("could not run {}: {}", command, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** STOPPING=1 and no more pings. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Thread t = watchdog;
        if (t != null) {
            t.interrupt();
        }
        if (enabled) {
            send("STOPPING=1");
        }
    }
}
