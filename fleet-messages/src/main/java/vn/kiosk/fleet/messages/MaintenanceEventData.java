package vn.kiosk.fleet.messages;

/** The data of a {@code kiosk.maintenance} event: whether the kiosk is now out of service for citizens. */
public record MaintenanceEventData(boolean on) { }
