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

    /** Tickets waiting, in all and per service id. */
    public record QueueSize(long waiting, Map<String, Long> services) { }

    /** Events not yet acknowledged by the broker. */
    public record Backlog(long events, long bytes) { }

    /** Today's drinks (the business day) per kind. */
    public record Drinks(Tally cold, Tally hot) { }

    public record Tally(int cups, double litres) {

        public static final Tally NONE = new Tally(0, 0.0);
    }
}
