package vn.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Accessibility;
import vn.kiosk.testing.Chromium;
import vn.kiosk.testing.RunningKiosk;

/** axe-core (WCAG 2.1 A and AA) finds nothing serious or critical on the start, confirm and ticket screens, in both text sizes. */
class TouchscreenAccessibilityBrowserTest {

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    @RegisterExtension
    final Chromium chromium = new Chromium(kiosk);
    private ChromeDriver browser;
    private Touchscreen screen;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Accessibility.installed(), "needs axe-core (scripts/test installs it with npm ci)");
        screen = Touchscreen.onThePanel(kiosk, chromium, Touchscreen.TWELVE_SERVICES);
        browser = screen.browser();
    }

    @Test
    void noSeriousViolationOnAnyScreenInEitherTextSize() {
        List<String> found = new ArrayList<>();
        for (boolean larger : new boolean[] {false, true}) {
            String mode = larger ? " (larger text)" : "";
            screen.open();
            if (larger) {
                screen.tap("text-size");
                Poll.until(Touchscreen.WAIT, "larger text", () -> "true".equals(screen.attr("#text-size", "aria-pressed")));
            }
            scan("start screen" + mode, found);
            screen.chooseService("land");
            browser.findElement(By.cssSelector("#priorities [data-priority='elderly']")).click();
            scan("confirm screen" + mode, found);
            screen.takeNumber();
            Poll.until(Touchscreen.WAIT, "the paper", () -> "printed".equals(screen.attr("#ticket", "data-print-state")));
            scan("ticket screen" + mode, found);
            screen.home();
            kiosk.sim().paper().setPaperOut(true);
            screen.chooseService("certification");
            screen.takeNumber();
            Poll.until(Touchscreen.WAIT, "the QR", () -> browser.findElement(By.id("not-printed")).isDisplayed());
            scan("ticket screen, not printed" + mode, found);
            kiosk.sim().paper().setPaperOut(false);
        }
        assertEquals(List.of(), found);
    }

    private void scan(String where, List<String> found) {
        Accessibility.blockingViolations(browser).forEach(v -> found.add(where + ": " + v));
    }
}
