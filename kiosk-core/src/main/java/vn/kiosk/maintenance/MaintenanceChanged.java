package vn.kiosk.maintenance;

import vn.kiosk.events.KioskEvent;

/** The kiosk went into maintenance ({@code on}) or came back for citizens; the setting is committed. */
public record MaintenanceChanged(boolean on) implements KioskEvent {
}
