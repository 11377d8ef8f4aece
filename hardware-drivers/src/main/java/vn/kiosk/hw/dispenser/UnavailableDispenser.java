package vn.kiosk.hw.dispenser;

import vn.kiosk.hw.DeviceStatus;

/**
 * Stands in for a dispenser that could not be opened (no GPIO chip, no permission): the kiosk
 * still issues tickets, health says why there is no water, and every pour is refused.
 */
public final class UnavailableDispenser implements Dispenser {

    private final String reason;

    public UnavailableDispenser(String reason) {
        this.reason = reason;
    }

    @Override
    public void onInput(Listener listener) {
        // nothing will ever change
    }

    @Override
    public void open(Tap tap) {
        throw new IllegalStateException(reason);
    }

    @Override
    public void closeAll() {
        // nothing is open
    }

    @Override
    public Tap openTap() {
        return null;
    }

    @Override
    public long flowPulses() {
        return 0;
    }

    @Override
    public boolean cupPresent() {
        return false;
    }

    @Override
    public boolean levelLow(Tap tap) {
        return false;
    }

    @Override
    public boolean hasLevelSwitch(Tap tap) {
        return false;
    }

    @Override
    public Thermometer.Reading temperature() {
        return Thermometer.Reading.NONE;
    }

    @Override
    public DeviceStatus status() {
        return DispenserState.UNAVAILABLE.status(false, reason);
    }

    @Override
    public void close() {
        // nothing was opened
    }
}
