package vn.kiosk.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import vn.kiosk.drinks.DispenserDetails;
import vn.kiosk.queue.QueueStoreStatus;

/** What GET /api/health answers; {@code queue}: where the queue is kept and whether a kiosk of a site is in island mode. */
public record HealthReport(HealthStatus status, String version, String site, String device, long uptimeSeconds,
                           boolean maintenance, Database database, Map<String, DeviceState> devices,
                           QueueStoreStatus queue) {

    /**
     * The database: {@code cause} (a stable code: disk_full, read_only, low_disk, ...) and {@code detail}
     * when not UP; {@code freeMegabytes} when the free space can be read.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Database(HealthStatus state, String cause, String detail, Long freeMegabytes) { }

    /** {@code details}: more about a device when it has more to say (the dispenser's levels, temperature, fault). */
    public record DeviceState(String state, boolean ok, String detail, String url,
                              @JsonInclude(JsonInclude.Include.NON_NULL) DispenserDetails details) { }
}
