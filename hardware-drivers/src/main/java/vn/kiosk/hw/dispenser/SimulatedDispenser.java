package vn.kiosk.hw.dispenser;

import vn.kiosk.hw.DeviceStatus;

/** The dispenser's simulated twin (idle, tanks full). */
public final class SimulatedDispenser implements Dispenser {

    @Override
    public DeviceStatus status() {
        return DeviceStatus.ready("simulated dispenser");
    }

    @Override
    public void close() {
        // nothing to release
    }
}
