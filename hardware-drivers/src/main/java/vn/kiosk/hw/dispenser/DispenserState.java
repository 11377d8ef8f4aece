package vn.kiosk.hw.dispenser;

import vn.kiosk.hw.DeviceStatus;

/** The words a dispenser's {@link DeviceStatus#state()} can hold, so callers compare against these, not literals. */
public enum DispenserState {
    /** Both tanks have water and nothing is wrong. */
    READY,
    /** A tank is low (still ok while the other tap can pour; a fault when both are low). */
    LEVEL_LOW,
    /** The driver was closed (the kiosk is stopping). */
    CLOSED,
    /** The dispenser could not be opened (no GPIO chip, no permission): every pour is refused. */
    UNAVAILABLE,
    /** Never from a driver: the kiosk's latched fault (no flow, an overrun), shown on top of what the parts say. */
    FAULT;

    public DeviceStatus status(boolean ok, String detail) {
        return new DeviceStatus(name(), ok, detail);
    }

    public boolean matches(DeviceStatus status) {
        return status != null && name().equals(status.state());
    }
}
