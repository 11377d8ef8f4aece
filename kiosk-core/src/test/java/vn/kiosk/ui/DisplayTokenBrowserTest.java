package vn.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.Browser;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.RunningKiosk;

/**
 * The waiting-room display on another machine of the LAN: it asks for a token once, keeps it in
 * the browser, and sends it in a header, never in a URL (which ends up in logs and histories).
 * The browser reaches the kiosk over loopback with {@code trustLocalhost: false}, which makes it a
 * LAN client to the kiosk (tests send nothing to any address outside the loopback range).
 */
class DisplayTokenBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ROBOT = "robot-token-0123456789";
    private static final String COUNTER = "counter-token-0123456789";
    private static final String TECH = "tech-token-0123456789ab";

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDisplayOnTheLanTakesItsTokenOnceAndNeverInAUrl() throws Exception {
        Assumptions.assumeTrue(Browser.installed(), "needs Debian's chromium and chromium-driver");
        kiosk.start("""
                http:
                  bind: 0.0.0.0
                  trustLocalhost: false
                  tokens: { robot: %s, counter: %s, tech: %s }
                """.formatted(ROBOT, COUNTER, TECH));
        Api local = kiosk.api();
        String number = local.post("/api/tickets", "{\"serviceId\": \"land\"}", COUNTER).body().get("number").asText();
        browser = Browser.open(kiosk.dir().resolve("chromium"), 1280, 720);

        String base = kiosk.base();
        browser.get(base + "/display");
        Poll.until(WAIT, "the display to ask for its token", () -> browser.findElement(By.id("token-form")).isDisplayed());
        browser.findElement(By.id("token")).sendKeys(COUNTER);
        browser.findElement(By.id("token-save")).click();
        Poll.until(WAIT, "the display to load with its token", () -> "true".equals(body("data-ready"))
                && "live".equals(body("data-events")));
        assertFalse(browser.findElement(By.id("token-form")).isDisplayed(), "the token form is gone once the token works");

        assertEquals(200, local.post("/api/counters/4/next", "{}", COUNTER).status());
        Poll.until(WAIT, "the display to show the call", () -> number.equals(browser.findElement(By.id("latest-number")).getText()));

        // a reload (the display's nightly restart) needs no typing again
        browser.navigate().refresh();
        Poll.until(WAIT, "the display to reconnect after a reload", () -> "live".equals(body("data-events")));
        assertTrue(browser.findElement(By.cssSelector("#recent tr[data-counter='4']")).getText().contains(number));

        assertFalse(browser.getCurrentUrl().contains(COUNTER), browser.getCurrentUrl());
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);");
        // (the open event stream is not listed until it ends; data-events=live above says it is open)
        assertTrue(urls.stream().noneMatch(u -> u.contains(COUNTER) || u.contains("token=")), "a token in a URL: " + urls);
        assertEquals(COUNTER, ((JavascriptExecutor) browser).executeScript("return localStorage.getItem('kioskToken')"));
    }

    private String body(String attribute) {
        return browser.findElement(By.tagName("body")).getDomAttribute(attribute);
    }
}
