package vn.kiosk.health;

import java.util.Map;

/** What GET /api/health answers. */
public record HealthReport(String status, String version, String site, String device, long uptimeSeconds,
                           boolean maintenance, Map<String, Object> database, Map<String, DeviceState> devices) {

    public record DeviceState(String state, boolean ok, String detail, String url) { }
}
