package vn.kiosk.hw.dispenser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.hw.testing.Poll;

class Ds18b20Test {

    static final String GOOD = "72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=23125\n";

    @Test
    void parsesMillidegrees() throws IOException {
        assertEquals(23.125, Ds18b20.parse(GOOD), 1e-9);
        assertEquals(-1.5, Ds18b20.parse("x : crc=1 YES\nx t=-1500"), 1e-9);
    }

    @Test
    void rejectsBadCrcAndGarbage() {
        assertTrue(assertThrows(IOException.class, () -> Ds18b20.parse("x : crc=00 NO\nx t=1000")).getMessage().contains("CRC"));
        assertThrows(IOException.class, () -> Ds18b20.parse("x : crc=00 YES\nnothing"));
        assertThrows(IOException.class, () -> Ds18b20.parse(""));
    }

    @Test
    void readsTheSensorThroughAGlobOnItsOwnThread(@TempDir Path dir) throws Exception {
        Path sensor = dir.resolve("28-0316a2791aff");
        Files.createDirectories(sensor);
        Files.writeString(sensor.resolve("w1_slave"), GOOD.replace("t=23125", "t=91500"));
        try (Ds18b20 probe = new Ds18b20(dir.resolve("28-*").resolve("w1_slave").toString(), Duration.ofMillis(20),
                Clock.systemUTC())) {
            Poll.until(Duration.ofSeconds(5), "a reading", () -> probe.latest().celsius() != null);
            assertEquals(91.5, probe.latest().celsius(), 1e-9);
            Files.delete(sensor.resolve("w1_slave"));
            Poll.until(Duration.ofSeconds(5), "a missing probe to stop reading", () -> probe.latest().celsius() == null);
            assertNull(probe.latest().celsius());
            assertTrue(probe.latest().problem().contains("no sensor"), probe.latest().problem());
        }
    }
}
