package vn.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInDefaultsAreValid() throws Exception {
        KioskConfig c = new ConfigLoader().load(null, Map.of());
        assertEquals("Asia/Ho_Chi_Minh", c.timeZone());
        assertEquals("127.0.0.1", c.http().bind());
        assertEquals(10, c.services().size());
        assertEquals("elderly", c.priorities().get(0).id());
        assertEquals(60, c.priorities().get(0).minAge());
        assertEquals("sim:", c.devices().printer());
        assertTrue(c.services().stream().anyMatch(s -> s.name().vi().equals("Trả kết quả")));
    }

    @Test
    void aSiteFileOverridesOnlyTheKeysItNames() throws Exception {
        KioskConfig c = load("""
                site: { id: phuong-7 }
                http: { port: 9090 }
                """, Map.of());
        assertEquals("phuong-7", c.site().id());
        assertEquals("Ben Thanh Ward Public Service Centre", c.site().name().en(), "unnamed keys keep their defaults");
        assertEquals(9090, c.http().port());
        assertEquals("127.0.0.1", c.http().bind());
    }

    @Test
    void environmentVariablesWinOverTheFile() throws Exception {
        KioskConfig c = load("http: { port: 9090 }\n", Map.of(
                "KIOSK_HTTP_PORT", "9191", "KIOSK_SITE", "phuong-9", "KIOSK_DEVICE", "robot-2",
                "KIOSK_DATA_DIR", "/tmp/x", "KIOSK_MQTT_URL", "tcp://127.0.0.1:1883",
                "KIOSK_PRINTER_URL", "sim:", "KIOSK_SCANNER_URL", "", "KIOSK_DISPENSER_URL", ""));
        assertEquals(9191, c.http().port());
        assertEquals("phuong-9", c.site().id());
        assertEquals("robot-2", c.device().id());
        assertEquals("/tmp/x", c.dataDir());
        assertEquals("tcp://127.0.0.1:1883", c.mqtt().url());
        assertEquals("", c.devices().scanner());
    }

    @Test
    void everyProblemIsReportedWithKeyLineValueAndExpectation() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load("""
                site:
                  id: Phuong Ben Thanh
                http:
                  port: 80800
                  bnid: 0.0.0.0
                timeZone: Asia/Saigonn
                businessDay: { resetAt: "25:00" }
                queue: { maxPriorityInRow: many }
                """, Map.of()));
        List<String> lines = e.problems().stream().map(ConfigProblem::toString).toList();
        assertEquals(6, lines.size(), String.join("\n", lines));
        assertContains(lines, "kiosk.yaml line 5: http.bnid: unknown key (a typo?); the keys allowed here are: bind, maxEventStreams, port, tokens, trustLocalhost");
        assertContains(lines, "kiosk.yaml line 8: queue.maxPriorityInRow: value \"many\": expected a whole number");
        assertContains(lines, "kiosk.yaml line 2: site.id: value \"Phuong Ben Thanh\": expected lower-case letters");
        assertContains(lines, "kiosk.yaml line 4: http.port: value 80800: expected a TCP port from 1 to 65535");
        assertContains(lines, "kiosk.yaml line 6: timeZone: value \"Asia/Saigonn\": expected an IANA time zone");
        assertContains(lines, "kiosk.yaml line 7: businessDay.resetAt: value \"25:00\": expected a local time HH:mm");
    }

    @Test
    void theCapOnOpenEventStreamsIsBounded() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load("http: { maxEventStreams: 0 }\n", Map.of()));
        assertContains(e.problems().stream().map(ConfigProblem::toString).toList(),
                "http.maxEventStreams: value 0: expected a number of streams from 1 to 1000");
    }

    @Test
    void invalidResetTimeAndServiceReferencesAreCaught() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load("""
                businessDay: { resetAt: "25:00" }
                services:
                  - id: land
                    prefix: e
                    name: { vi: "Đất đai" }
                    numbers: { first: 10, last: 5 }
                    documents: []
                    counters: ["9"]
                """, Map.of()));
        List<String> lines = e.problems().stream().map(ConfigProblem::toString).toList();
        assertContains(lines, "line 1: businessDay.resetAt: value \"25:00\": expected a local time HH:mm");
        assertContains(lines, "line 4: services[0].prefix: value \"e\": expected 1 to 3 capital letters");
        assertContains(lines, "line 5: services[0].name.en: missing");
        assertContains(lines, "line 6: services[0].numbers.last: value 5: expected a number from numbers.first (10)");
        assertContains(lines, "line 8: services[0].counters[0]: value \"9\": expected the id of a counter");
        assertContains(lines, "scanning.dossierServiceId: value \"return-results\": expected the id of a service in 'services'");
        assertEquals(6, lines.size(), String.join("\n", lines));
    }

    @Test
    void duplicatePrefixesWouldRepeatNumbersAndAreRejected() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load("""
                scanning: { dossierServiceId: a }
                services:
                  - { id: a, prefix: A, name: { vi: a, en: a }, numbers: { first: 1, last: 99 }, documents: [], counters: ["1"] }
                  - { id: b, prefix: A, name: { vi: b, en: b }, numbers: { first: 100, last: 199 }, documents: [], counters: ["1"] }
                """, Map.of()));
        assertContains(e.problems().stream().map(ConfigProblem::toString).toList(),
                "line 4: services[1].prefix: value \"A\": expected a prefix no other service uses");
    }

    @Test
    void exposingTheApiBeyondThisDeviceRequiresATokenPerRole() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load("""
                http:
                  bind: 0.0.0.0
                  tokens: { robot: "robot-token-0123456789", counter: short }
                """, Map.of()));
        List<String> lines = e.problems().stream().map(ConfigProblem::toString).toList();
        assertContains(lines, "http.tokens.counter: value (5 characters): expected a token of at least 16 characters");
        assertContains(lines, "http.tokens.tech: value \"\": expected a token of at least 16 characters: required because");
        assertEquals(2, lines.size(), String.join("\n", lines));
    }

    @Test
    void environmentValuesAreCheckedAndBlamed() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> load("{}\n", Map.of("KIOSK_HTTP_PORT", "eighty", "KIOSK_PRINTER_URL", "lpt:/dev/lp0",
                        "KIOSK_MQTT_URL", "http://broker")));
        List<String> lines = e.problems().stream().map(ConfigProblem::toString).toList();
        assertContains(lines, "environment variable KIOSK_HTTP_PORT: http.port: value \"eighty\": expected a whole number");
        assertContains(lines, "environment variable KIOSK_PRINTER_URL: devices.printer: value \"lpt:/dev/lp0\": expected a printer URL with one of the schemes [file, serial, sim, tcp, usb]");
        assertContains(lines, "environment variable KIOSK_MQTT_URL: mqtt.url: value \"http://broker\": expected tcp://host:port");
    }

    @Test
    void printerSettingsAreChecked() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load("""
                devices: { printer: "serial:/dev/ttyUSB0?baud=12345" }
                printing:
                  profile: epson-99
                  profiles:
                    epson-80: { paperWidthDots: 576, nativeQr: true, codePage: 52, textMode: utf8 }
                  ticket: { qr: "{ticketId}/{name}" }
                """, Map.of()));
        List<String> lines = e.problems().stream().map(ConfigProblem::toString).toList();
        assertContains(lines, "line 1: devices.printer: value \"serial:/dev/ttyUSB0?baud=12345\": baud 12345 is not a serial speed");
        assertContains(lines, "line 5: printing.profiles.epson-80.textMode: value \"utf8\": expected cp1258, raster or ascii");
        assertContains(lines, "line 3: printing.profile: value \"epson-99\": expected the name of a profile in printing.profiles [epson-80, generic-58, generic-80, pos5890-58, xprinter-80]");
        assertContains(lines, "line 6: printing.ticket.qr: value \"{ticketId}/{name}\": expected a text with the placeholders");
        assertEquals(4, lines.size(), String.join("\n", lines));
    }

    @Test
    void dispenserWiringAndLimitsAreChecked() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load("""
                devices: { dispenser: "sim:?flowMlPerMinute=fast" }
                dispenser:
                  pins:
                    hotValve: { bcm: 17, activeHigh: true }
                    cupSensor: { bcm: 40, activeHigh: false }
                    hotLevelLow: { bcm: -1, activeHigh: false }
                  maxHotMl: 5000
                  temperatureFile: "/sys/*/devices/28-x/w1_slave"
                """, Map.of()));
        List<String> lines = e.problems().stream().map(ConfigProblem::toString).toList();
        assertContains(lines, "line 1: devices.dispenser: value \"sim:?flowMlPerMinute=fast\": flowMlPerMinute must be a number");
        assertContains(lines, "line 4: dispenser.pins.hotValve.bcm: value 17: expected a pin of its own (BCM 17 is already coldValve)");
        assertContains(lines, "line 5: dispenser.pins.cupSensor.bcm: value 40: expected a BCM GPIO number from 0 to 27");
        assertContains(lines, "line 7: dispenser.maxHotMl: value 5000: expected millilitres from 20 to 2000");
        assertContains(lines, "line 8: dispenser.temperatureFile");
        assertEquals(5, lines.size(), String.join("\n", lines));
    }

    @Test
    void brokenYamlAndMissingFilesSayWhere() throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "site:\n  id: [unclosed\n");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new ConfigLoader().load(broken, Map.of()));
        assertTrue(e.getMessage().startsWith(broken + " line "), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());

        InvalidConfigException missing = assertThrows(InvalidConfigException.class,
                () -> new ConfigLoader().load(dir.resolve("nope.yaml"), Map.of()));
        assertTrue(missing.getMessage().contains("configuration file not found"), missing.getMessage());
    }

    @Test
    void theFileNamedOnTheCommandLineWinsOverKioskConfig() {
        assertEquals(Path.of("a.yaml"), ConfigLoader.chooseFile("a.yaml", Map.of("KIOSK_CONFIG", "b.yaml")));
        assertEquals(Path.of("b.yaml"), ConfigLoader.chooseFile(null, Map.of("KIOSK_CONFIG", "b.yaml")));
        assertEquals(null, ConfigLoader.chooseFile(null, Map.of()));
    }

    private KioskConfig load(String yaml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("kiosk.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(file, env);
    }

    private static void assertContains(List<String> lines, String expected) {
        assertTrue(lines.stream().anyMatch(l -> l.contains(expected)),
                "expected a line containing\n  " + expected + "\nin\n  " + String.join("\n  ", lines));
    }
}
