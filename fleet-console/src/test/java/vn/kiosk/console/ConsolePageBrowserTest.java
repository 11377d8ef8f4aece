package vn.kiosk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Browser;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.TestPostgres;

/** The console's pages in a real headless Chromium: a kiosk going offline shows within a second or two; its page draws its charts. */
class ConsolePageBrowserTest {

    private static final String TECH = RunningConsole.TECH;

    @RegisterExtension
    static final TestPostgres pg = new TestPostgres();
    @RegisterExtension
    final RunningConsole fleet = new RunningConsole(pg);
    @TempDir
    Path dir;
    private ChromeDriver page;

    @AfterEach
    void stop() {
        if (page != null) {
            page.quit();
        }
    }

    @Test
    void theFleetTableFollowsAKioskAndItsPageDrawsItsHistory() throws Exception {
        Assumptions.assumeTrue(Browser.installed(), "needs Debian's chromium and chromium-driver");
        fleet.start();
        String base = "http://127.0.0.1:" + fleet.port();
        try (MqttProbe kiosk = MqttProbe.connect(fleet.broker().url())) {
            kiosk.publish("kiosk/site-a/kiosk-01/status", "{\"online\": true, \"version\": \"1.0\", \"startedAt\": \"2026-12-01T01:00:00Z\"}");
            for (int i = 0; i < 3; i++) {
                kiosk.publish("kiosk/site-a/kiosk-01/telemetry", "{\"ts\": \"" + Instant.now().minusSeconds(600 - 60L * i)
                        + "\", \"cpuTemperatureC\": 51.5, \"queue\": {\"waiting\": " + i + ", \"services\": {}}, "
                        + "\"devices\": {\"printer\": \"READY\", \"scanner\": \"READY\", \"dispenser\": \"READY\"}}");
            }
            page = Browser.open(dir.resolve("chromium"), 1280, 900);
            page.get(base + "/");
            page.executeScript("localStorage.setItem('fleetToken', arguments[0])", TECH);
            page.navigate().refresh();
            Browser.consoleErrors(page); // the first load's 401s: the page without a token asks for one
            By row = By.cssSelector("#devices tr[data-device='site-a/kiosk-01'] td[data-online]");
            Poll.until(Duration.ofSeconds(10), "the kiosk online on the page", () ->
                    page.findElements(row).size() == 1 && page.findElement(row).getDomAttribute("data-online").equals("true"));

            long sent = System.nanoTime();
            kiosk.publish("kiosk/site-a/kiosk-01/status", "{\"online\": false}");
            Poll.until(Duration.ofSeconds(5), "the kiosk offline on the page", () ->
                    page.findElement(row).getDomAttribute("data-online").equals("false"));
            long millis = (System.nanoTime() - sent) / 1_000_000;
            assertTrue(millis < 1500, "shown after " + millis + " ms (the page reads twice a second)");
            Poll.until(Duration.ofSeconds(5), "the offline alert listed", () ->
                    page.findElement(By.cssSelector("#alerts tbody")).getText().contains("offline"));
        }
        page.findElement(By.linkText("site-a/kiosk-01")).click();
        Poll.until(Duration.ofSeconds(10), "the device page drawn", () -> "true".equals(
                page.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertEquals(4, page.findElements(By.cssSelector(".chart .uplot canvas")).size());
        assertEquals(List.of(), Browser.consoleErrors(page));
    }
}
