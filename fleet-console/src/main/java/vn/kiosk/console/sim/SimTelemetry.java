package vn.kiosk.console.sim;

import java.time.Duration;
import java.time.Instant;
import vn.kiosk.fleet.messages.TelemetryReport;

/**
 * A simulated kiosk's telemetry report. The queue, devices, outbox backlog and maintenance flag are
 * the simulated kiosk's own; memory, temperature and disk are plausible figures for a Raspberry Pi
 * kiosk, fixed per kiosk (the sim's own JVM says nothing about a kiosk).
 */
final class SimTelemetry {

    static final String VERSION = "sim";
    private static final long MIB = 1024L * 1024;

    private final Instant startedAt;
    private final long heapUsed;
    private final double cpuTemperature;
    private final long diskFree;

    SimTelemetry(Instant startedAt, java.util.random.RandomGenerator random) {
        this.startedAt = startedAt;
        this.heapUsed = (60 + random.nextInt(60)) * MIB;
        this.cpuTemperature = 45 + random.nextInt(150) / 10.0;
        this.diskFree = (8_000 + random.nextInt(20_000)) * MIB;
    }

    TelemetryReport report(Instant now, SimQueue queue, SimDevices devices, SimOutbox outbox, boolean maintenance) {
        return new TelemetryReport(now, VERSION, Duration.between(startedAt, now).toSeconds(), cpuTemperature,
                new TelemetryReport.Memory(heapUsed, 512 * MIB, heapUsed + 180 * MIB), diskFree,
                new TelemetryReport.QueueSize(queue.waiting(), queue.waitingPerService(),
                        new TelemetryReport.Store("sqlite", "local", 0)),
                devices.states(), new TelemetryReport.Backlog(outbox.events(), outbox.bytes()), maintenance, null);
    }
}
