package vn.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.testing.Browser;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.RunningKiosk;

/** The touchscreen keeps the screen on during opening hours only (the desktop may blank it otherwise). */
class ScreenWakeLockBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private ChromeDriver browser;

    private String wakeLock(String yaml) throws Exception {
        Assumptions.assumeTrue(Browser.installed(), "needs Debian's chromium and chromium-driver");
        kiosk.start(yaml);
        browser = Browser.open(kiosk.dir().resolve("chromium"), 800, 480);
        // A visible page in the device's Chromium gets the lock; headless Chromium denies it unless granted.
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", kiosk.base(),
                "permissions", java.util.List.of("wakeLockScreen")));
        browser.get(kiosk.base() + "/");
        Poll.until(WAIT, "the touchscreen to load", () -> "true".equals(attr("data-ready")));
        Poll.until(WAIT, "a wake-lock decision", () -> attr("data-wake-lock") != null);
        return attr("data-wake-lock");
    }

    private String attr(String name) {
        return browser.findElement(By.cssSelector("body")).getDomAttribute(name);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void duringOpeningHoursThePageAsksToKeepTheScreenOn() throws Exception {
        assertEquals("held", wakeLock("{}"));
    }

    @Test
    void whenTheCentreIsClosedTheScreenMaySleep() throws Exception {
        assertEquals("released", wakeLock("openingHours: { days: [], open: \"07:00\", close: \"17:00\" }\n"));
        assertTrue(browser.findElement(By.id("closed")).isDisplayed(), "the closed screen");
    }
}
