package vn.kiosk.devices;

import vn.kiosk.events.KioskEvent;
import vn.kiosk.hw.DeviceStatus;

/**
 * A device's state word changed ({@code before} is null at start), told after its
 * {@code <device>.state} outbox event was written. {@code device} is printer, scanner or dispenser.
 */
public record DeviceStateChanged(String device, DeviceStatus before, DeviceStatus now) implements KioskEvent {
}
