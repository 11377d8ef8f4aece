package vn.kiosk.devices;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.kiosk.hw.DeviceStatus;

/** The data of a {@code <device>.state} event: the new state, the one before (null at start), and why. */
public final class DeviceStateEvent {

    private DeviceStateEvent() { }

    public static Map<String, Object> data(DeviceStatus before, DeviceStatus now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", now.state());
        data.put("previous", before == null ? null : before.state());
        data.put("ok", now.ok());
        data.put("detail", now.detail());
        return data;
    }
}
