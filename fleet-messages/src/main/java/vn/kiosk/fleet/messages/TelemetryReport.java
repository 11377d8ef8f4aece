package vn.kiosk.fleet.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * The retained {@code telemetry} topic, every {@code mqtt.telemetrySeconds}, and part of the tech
 * command device.status. {@code cpuTemperatureC}, {@code diskFreeBytes} and
 * {@code memory.residentBytes} are null where the system does not tell; {@code devices} maps each
 * device (printer, scanner, dispenser) to its state word; {@code drinks} is there only on a kiosk
 * with a dispenser.
 */
public record TelemetryReport(Instant ts, String version, long uptimeSeconds, Double cpuTemperatureC, Memory memory,
                              Long diskFreeBytes, QueueSize queue, Map<String, String> devices, Backlog outboxBacklog,
                              boolean maintenance, @JsonInclude(JsonInclude.Include.NON_NULL) Drinks drinks) {

    public record Memory(long heapUsedBytes, long heapMaxBytes, Long residentBytes) { }

    /** Tickets waiting, in all and per service id; where the queue is kept. */
    public record QueueSize(long waiting, Map<String, Long> services, Store store) { }

    /**
     * {@code store}: sqlite or postgresql; {@code mode}: local (a lone kiosk), site, or island (the
     * site's server is away: numbers from this kiosk's island range, {@code pendingMerge} of them not
     * yet merged into the site queue).
     */
    public record Store(String store, String mode, long pendingMerge) { }

    /** Events not yet acknowledged by the broker. */
    public record Backlog(long events, long bytes) { }

    /** Today's drinks (the business day) per kind. */
    public record Drinks(Tally cold, Tally hot) { }

    public record Tally(int cups, double litres) {

        public static final Tally NONE = new Tally(0, 0.0);
    }
}
