package vn.kiosk.ui;

import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Makes the page's viewport exactly a screen's size (a headless window of 800×480 leaves the page only
 * about 800×337: the rest is the window's own frame), as the kiosk's full-screen Chromium has it.
 */
final class ExactViewport {

    private ExactViewport() { }

    static void set(ChromeDriver browser, int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }
}
