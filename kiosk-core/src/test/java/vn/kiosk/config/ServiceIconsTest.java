package vn.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every service has an icon shipped with the kiosk: the one configured, the usual one for its id, or the default. */
class ServiceIconsTest {

    @TempDir
    Path dir;

    private KioskConfig load(String yaml) throws Exception {
        Path file = dir.resolve("kiosk.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(file, Map.of());
    }

    @Test
    void eachIconIsAnSvgFileInTheApplicationWithNothingFetchedFromElsewhere() throws Exception {
        for (String name : ServiceIcons.NAMES) {
            Path svg = Path.of("src/main/resources/ui/icons/" + name + ".svg");
            assertTrue(Files.isRegularFile(svg), "no file for the icon " + name);
            var root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
            assertEquals("svg", root.getTagName(), name);
            assertFalse(Files.readString(svg).matches("(?s).*(href|url\\(|@import).*"), name + " refers to something outside");
        }
    }

    @Test
    void theDefaultServicesGetTheirUsualIconsAndAConfiguredOneWins() throws Exception {
        KioskConfig defaults = new ConfigLoader().load(null, Map.of());
        assertEquals(List.of("family", "extract", "rings", "stamp", "land", "house", "shop", "care", "results", "online"),
                defaults.services().stream().map(ServiceIcons::of).toList());
        KioskConfig site = load("""
                services:
                  - { id: land, prefix: E, icon: house, name: { vi: "Đất đai", en: "Land" }, numbers: { first: 1, last: 999 }, documents: [], counters: ["4"] }
                  - { id: passports, prefix: P, name: { vi: "Hộ chiếu", en: "Passports" }, numbers: { first: 1, last: 999 }, documents: [], counters: ["1"] }
                scanning: { dossierServiceId: land }
                """);
        assertEquals(List.of("house", ServiceIcons.DEFAULT), site.services().stream().map(ServiceIcons::of).toList());
    }

    @Test
    void anIconTheKioskDoesNotShipIsAConfigurationError() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load("""
                services:
                  - { id: land, prefix: E, icon: "https://cdn.example/land.svg", name: { vi: "Đất đai", en: "Land" }, numbers: { first: 1, last: 999 }, documents: [], counters: ["4"] }
                scanning: { dossierServiceId: land }
                """));
        String problems = e.problems().toString();
        assertTrue(problems.contains("services[0].icon") && problems.contains("family, health, house"), problems);
    }
}
