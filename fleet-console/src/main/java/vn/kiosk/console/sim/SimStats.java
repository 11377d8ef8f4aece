package vn.kiosk.console.sim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What the whole simulated fleet has done so far, for the periodic log line and for tests and benchmarks. */
public final class SimStats {

    final AtomicInteger connected = new AtomicInteger();
    final AtomicInteger droppedNow = new AtomicInteger();
    final LongAdder eventsRecorded = new LongAdder();
    final LongAdder eventsPublished = new LongAdder();
    final LongAdder eventsDropped = new LongAdder();
    final LongAdder telemetry = new LongAdder();
    final LongAdder commands = new LongAdder();
    final LongAdder paperFaults = new LongAdder();
    final LongAdder drops = new LongAdder();
    final LongAdder waterLow = new LongAdder();
    final LagHistogram ackLag = new LagHistogram();
    /** For a benchmark: when the broker acknowledged each event, by "site/device/seq" (null: not kept). */
    volatile java.util.Map<String, Long> ackTimes;

    /** Kiosks connected, subscribed and online now. */
    public int connected() {
        return connected.get();
    }

    /** Kiosks off the network now by an injected fault (they come back by themselves). */
    public int droppedNow() {
        return droppedNow.get();
    }

    /** Events acknowledged by the broker (a replay after a reconnect counts again). */
    public long eventsPublished() {
        return eventsPublished.sum();
    }

    /** Events the kiosks created, sent or not. */
    public long eventsRecorded() {
        return eventsRecorded.sum();
    }

    /** Unsent events given up because a kiosk's outbox was full (the real kiosk's backlog bound). */
    public long eventsDropped() {
        return eventsDropped.sum();
    }

    public long telemetryReports() {
        return telemetry.sum();
    }

    public long commandsAnswered() {
        return commands.sum();
    }

    public long paperFaults() {
        return paperFaults.sum();
    }

    public long drops() {
        return drops.sum();
    }

    /**
     * From an event's creation to the broker's PUBACK: the simulated kiosks' and the broker's part of
     * the ingest lag, before the console has the event.
     */
    public LagHistogram ackLag() {
        return ackLag;
    }

    /**
     * From now on keeps when the broker acknowledged each event (wall clock, ms), so a benchmark can
     * tell the console's share of the ingest lag from the simulator's and the broker's; returns the map.
     */
    public java.util.Map<String, Long> keepAckTimes() {
        ackTimes = new java.util.concurrent.ConcurrentHashMap<>();
        return ackTimes;
    }

    public long waterLow() {
        return waterLow.sum();
    }
}
