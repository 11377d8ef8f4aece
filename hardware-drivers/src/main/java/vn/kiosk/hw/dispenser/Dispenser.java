package vn.kiosk.hw.dispenser;

import vn.kiosk.hw.Device;

/** The hot/cold water dispenser. Pouring and its interlocks arrive with the GPIO driver. */
public interface Dispenser extends Device {
}
