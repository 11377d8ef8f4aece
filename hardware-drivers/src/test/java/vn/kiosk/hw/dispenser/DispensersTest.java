package vn.kiosk.hw.dispenser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.kiosk.hw.DeviceUrl;

class DispensersTest {

    @Test
    void withoutAGpioChipTheDispenserIsUnavailableNotACrash() {
        Assumptions.assumeFalse(Files.exists(Path.of("/dev/gpiochip0")), "this machine has real GPIO");
        Dispenser d = Dispensers.open(DeviceUrl.parse("gpio:"), SimulatedDispenserTest.WIRING, Clock.systemUTC());
        assertInstanceOf(UnavailableDispenser.class, d);
        assertEquals("UNAVAILABLE", d.status().state());
        assertFalse(d.status().ok());
        assertTrue(d.status().detail().contains("group gpio"), d.status().detail());
        assertThrows(IllegalStateException.class, () -> d.open(Tap.COLD));
        d.closeAll();
        d.close();
    }

    @Test
    void simUrlsAreChecked() {
        Dispensers.validate(DeviceUrl.parse("sim:?flowMlPerMinute=0&pulsesPerLitre=480&hotCelsius=none"));
        assertThrows(IllegalArgumentException.class, () -> Dispensers.validate(DeviceUrl.parse("sim:?flow=3")));
        assertThrows(IllegalArgumentException.class, () -> Dispensers.validate(DeviceUrl.parse("sim:?pulsesPerLitre=0")));
        assertThrows(IllegalArgumentException.class, () -> Dispensers.validate(DeviceUrl.parse("gpio:/dev/gpiochip0")));
    }
}
