package vn.kiosk.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceUrlTest {

    @Test
    void parsesSchemeTargetAndParameters() {
        DeviceUrl url = DeviceUrl.parse("serial:/dev/ttyUSB0?baud=115200&flow=rtscts");
        assertEquals("serial", url.scheme());
        assertEquals("/dev/ttyUSB0", url.target());
        assertEquals(Map.of("baud", "115200", "flow", "rtscts"), url.params());
        assertEquals("serial:/dev/ttyUSB0?baud=115200&flow=rtscts", url.toString());
    }

    @Test
    void simHasAnEmptyTarget() {
        DeviceUrl url = DeviceUrl.parse("sim:");
        assertTrue(url.isSimulated());
        assertEquals("", url.target());
    }

    @Test
    void keepsPathsThatAreNotUris() {
        DeviceUrl url = DeviceUrl.parse("evdev:/dev/input/by-id/usb-Foo_Bar 2D-event-kbd");
        assertEquals("/dev/input/by-id/usb-Foo_Bar 2D-event-kbd", url.target());
    }

    @Test
    void rejectsWhatIsNotAUrlWithAMessageThatSaysWhy() {
        var noScheme = assertThrows(IllegalArgumentException.class, () -> DeviceUrl.parse("/dev/ttyUSB0"));
        assertTrue(noScheme.getMessage().contains("no scheme"), noScheme.getMessage());
        var badParam = assertThrows(IllegalArgumentException.class, () -> DeviceUrl.parse("serial:/dev/x?baud"));
        assertTrue(badParam.getMessage().contains("without a value"), badParam.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceUrl.parse("  "));
    }
}
