package vn.kiosk.devices;

import vn.kiosk.fleet.messages.DeviceStateEventData;
import vn.kiosk.hw.DeviceStatus;

/** The data of a {@code <device>.state} event: the new state, the one before (null at start), and why. */
public final class DeviceStateEvent {

    private DeviceStateEvent() { }

    public static DeviceStateEventData data(DeviceStatus before, DeviceStatus now) {
        return new DeviceStateEventData(now.state(), before == null ? null : before.state(), now.ok(), now.detail());
    }
}
