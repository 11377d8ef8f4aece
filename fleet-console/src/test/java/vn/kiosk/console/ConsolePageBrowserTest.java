package vn.kiosk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Browser;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.TestPostgres;

/**
 * The console's pages in a real headless Chromium: the site filter, a tech command sent from its
 * button after a confirmation (the kiosk's reply on the page, the audit row), a kiosk going offline
 * shown within a second, and a kiosk's page drawing its charts.
 */
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

    /** The kiosks the fleet table lists, read in one script (the table is drawn anew twice a second). */
    @SuppressWarnings("unchecked")
    private List<String> listed() {
        return (List<String>) page.executeScript(
                "return [...document.querySelectorAll('#devices tbody tr')].map(r => r.dataset.device)");
    }

    /** site-a/kiosk-01's online cell as the page shows it, or null when it is not listed. */
    private String online() {
        return (String) page.executeScript("const c = document.querySelector("
                + "\"#devices tr[data-device='site-a/kiosk-01'] td[data-online]\"); return c ? c.dataset.online : null");
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
            Poll.until(Duration.ofSeconds(10), "the kiosk online on the page", () -> "true".equals(online()));

            // the site filter: another site's kiosk is listed, then filtered out
            kiosk.publish("kiosk/site-b/kiosk-01/status", "{\"online\": true, \"version\": \"1.0\"}");
            Poll.until(Duration.ofSeconds(10), "both kiosks listed", () -> listed().size() == 2);
            page.findElement(By.id("site")).sendKeys("site-a");
            Poll.until(Duration.ofSeconds(5), "only site-a listed", () -> listed().equals(List.of("site-a/kiosk-01")));

            // a printer test from its button: confirmed, sent to the kiosk, its reply on the page and in the audit
            kiosk.subscribe("kiosk/site-a/kiosk-01/cmd/tech/#", 1);
            By button = By.cssSelector("#devices tr[data-device='site-a/kiosk-01'] button[data-command='printer.test']");
            Poll.until(Duration.ofSeconds(5), "the printer test button clicked", () -> {
                try { // the table is drawn anew twice a second
                    page.findElement(button).click();
                    return true;
                } catch (StaleElementReferenceException e) {
                    return false;
                }
            });
            Alert confirm = new WebDriverWait(page, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
            assertTrue(confirm.getText().contains("site-a/kiosk-01"), confirm.getText());
            confirm.accept();
            MqttProbe.Message command = kiosk.await(Duration.ofSeconds(10), "the printer test at the kiosk",
                    m -> m.topic().equals("kiosk/site-a/kiosk-01/cmd/tech/printer.test"));
            String requestId = command.json().get("id").asText();
            kiosk.publish("kiosk/site-a/kiosk-01/reply/tech/" + requestId, "{\"id\": \"" + requestId
                    + "\", \"status\": \"ok\", \"code\": 200, \"data\": {\"printed\": true}}");
            Poll.until(Duration.ofSeconds(10), "the reply on the page", () ->
                    page.findElement(By.id("message")).getText().contains("printer.test: ok 200"));
            JsonNode audit = fleet.api().get("/api/fleet/audit", TECH).body();
            assertEquals("printer.test", audit.get(0).get("command").asText(), audit.toString());
            assertEquals(200, audit.get(0).get("code").asInt(), audit.toString());

            long sent = System.nanoTime();
            kiosk.publish("kiosk/site-a/kiosk-01/status", "{\"online\": false}");
            Poll.until(Duration.ofSeconds(5), "the kiosk offline on the page", () -> "false".equals(online()));
            long millis = (System.nanoTime() - sent) / 1_000_000;
            assertTrue(millis < 1000, "shown after " + millis + " ms (the page reads twice a second)");
            Poll.until(Duration.ofSeconds(5), "the offline alert listed", () ->
                    page.findElement(By.cssSelector("#alerts tbody")).getText().contains("offline"));
        }
        page.findElement(By.linkText("site-a/kiosk-01")).click();
        Poll.until(Duration.ofSeconds(10), "the device page drawn", () -> "true".equals(
                page.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertEquals(5, page.findElements(By.cssSelector(".chart .uplot canvas")).size(), "states, queue, temperature, "
                + "printer, tickets");
        JsonNode states = fleet.api().get("/api/fleet/devices/site-a/kiosk-01/history?hours=24", TECH).body().get("states");
        JsonNode last = states.get(states.size() - 1);
        assertEquals("online OFFLINE false", last.get("type").asText() + " " + last.get("state").asText() + " "
                + last.get("ok").asBoolean(), "the time it went offline, in its state changes: " + states);
        assertTrue(page.findElement(By.cssSelector("#chart-states .u-legend")).getText().contains("Connection"));
        assertEquals(List.of(), Browser.consoleErrors(page));
    }
}
