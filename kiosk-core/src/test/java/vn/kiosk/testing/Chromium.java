package vn.kiosk.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A test's headless Chromium on a {@link RunningKiosk}'s pages, quit after the test:
 * {@code @RegisterExtension final Chromium chromium = new Chromium(kiosk);} then
 * {@code chromium.open(800, 480)} once the kiosk runs.
 */
public final class Chromium implements AfterEachCallback {

    private final RunningKiosk kiosk;
    private ChromeDriver driver;

    public Chromium(RunningKiosk kiosk) {
        this.kiosk = kiosk;
    }

    /** Opens the browser with exactly this viewport; the test is skipped where Debian's chromium is missing. */
    public ChromeDriver open(int width, int height) {
        Assumptions.assumeTrue(Browser.installed(), "needs Debian's chromium and chromium-driver");
        if (driver != null) {
            throw new IllegalStateException("this test's browser is already open");
        }
        driver = Browser.open(kiosk.dir().resolve("chromium"), width, height);
        return driver;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            try {
                driver.quit();
            } finally {
                driver = null;
            }
        }
    }
}
