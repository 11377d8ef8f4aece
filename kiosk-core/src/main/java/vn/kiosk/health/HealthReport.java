package vn.kiosk.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** What GET /api/health answers. */
public record HealthReport(String status, String version, String site, String device, long uptimeSeconds,
                           boolean maintenance, Map<String, Object> database, Map<String, DeviceState> devices) {

    /** {@code details}: more about a device when it has more to say (the dispenser's levels, temperature, fault). */
    public record DeviceState(String state, boolean ok, String detail, String url,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> details) { }
}
