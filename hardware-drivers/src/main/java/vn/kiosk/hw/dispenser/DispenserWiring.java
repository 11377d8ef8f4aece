package vn.kiosk.hw.dispenser;

import java.time.Duration;
import vn.kiosk.hw.io.PinSpec;

/**
 * Where each part of the dispenser is wired. A level switch is null when that tank has none;
 * {@code temperatureFile} is the DS18B20's w1_slave file (a glob such as
 * /sys/bus/w1/devices/28-{@literal *}/w1_slave is allowed), null when there is no probe.
 */
public record DispenserWiring(PinSpec coldValve, PinSpec hotValve, PinSpec flowMeter, PinSpec cupSensor,
                              PinSpec coldLevelLow, PinSpec hotLevelLow, String temperatureFile,
                              Duration temperatureInterval) {
}
