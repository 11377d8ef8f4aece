package vn.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.app.KioskApp;
import vn.kiosk.testing.Browser;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestConfigs;

/** The touchscreen keeps the screen on during opening hours only (the desktop may blank it otherwise). */
class ScreenWakeLockBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private KioskApp app;
    private ChromeDriver browser;

    private String wakeLock(String yaml) throws Exception {
        Assumptions.assumeTrue(Browser.installed(), "needs Debian's chromium and chromium-driver");
        int port = Ports.free();
        app = new KioskApp(TestConfigs.load(dir, yaml, Map.of("KIOSK_HTTP_PORT", String.valueOf(port))), Clock.systemUTC()).start();
        browser = Browser.open(dir.resolve("chromium"), 800, 480);
        // A visible page in the device's Chromium gets the lock; headless Chromium denies it unless granted.
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", "http://127.0.0.1:" + port,
                "permissions", java.util.List.of("wakeLockScreen")));
        browser.get("http://127.0.0.1:" + port + "/");
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
        if (app != null) {
            app.close();
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
