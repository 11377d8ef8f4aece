package vn.kiosk.console;

import java.time.Instant;
import java.util.List;

/** A kiosk as GET /api/fleet/devices lists it: its state and the alerts open on it now. */
public record DeviceRow(String site, String device, Boolean online, Instant lastSeen, String version, String printer,
                        String scanner, String dispenser, long waiting, long backlog, String queueMode, long pendingMerge,
                        boolean maintenance, Double temperatureC, List<String> alerts) { }
