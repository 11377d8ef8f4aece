package vn.kiosk.fleet.messages;

/** The data of a {@code <device>.state} event: the new state, the one before (null at start), and why. */
public record DeviceStateEventData(String state, String previous, boolean ok, String detail) { }
