package vn.kiosk.hw;

/**
 * What a device reports about itself. {@code state} is a short upper-case word that staff and the
 * fleet monitor read (READY, PAPER_OUT, OFFLINE, ...); {@code ok} says whether the device can do its
 * job right now; {@code detail} is a human sentence for technicians (never personal data).
 */
public record DeviceStatus(String state, boolean ok, String detail) {

    public static DeviceStatus ready(String detail) {
        return new DeviceStatus("READY", true, detail);
    }

    public static DeviceStatus fault(String state, String detail) {
        return new DeviceStatus(state, false, detail);
    }
}
