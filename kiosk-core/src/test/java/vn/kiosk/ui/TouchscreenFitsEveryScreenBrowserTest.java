package vn.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Chromium;
import vn.kiosk.testing.RunningKiosk;

/**
 * No screen of the touchscreen ever needs scrolling, from the official 7" panel (800×480) to a Full HD
 * monitor in either orientation, with twelve services with long names plus the water button: every
 * button whole on screen and at least 15 mm, no text cut, portrait filled, larger text still fitting.
 */
class TouchscreenFitsEveryScreenBrowserTest {

    private static final String WAIT_FOR_PAPER = "the paper's outcome on the ticket screen";

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    @RegisterExtension
    final Chromium chromium = new Chromium(kiosk);
    private ChromeDriver browser;
    private Touchscreen screen;

    @BeforeEach
    void start() throws Exception {
        screen = Touchscreen.onThePanel(kiosk, chromium, Touchscreen.TWELVE_SERVICES);
        browser = screen.browser();
    }

    private void assertFits(String where) {
        List<String> problems = screen.problems();
        assertEquals(List.of(), problems, where);
    }

    @Test
    void everyScreenFitsEverySizeWithTwelveServices() {
        for (int[] size : Touchscreen.SIZES) {
            String at = " at " + size[0] + "×" + size[1];
            screen.size(size[0], size[1]);
            screen.open();
            assertEquals(12, browser.findElements(By.cssSelector("#services button[data-service-id]")).size());
            assertTrue(browser.findElement(By.id("drink-open")).isDisplayed(), "the water button" + at);
            assertFits("start screen" + at);
            // the buttons use the screen: no band of empty space below them (portrait was 60 % empty)
            double bottom = screen.number("return Math.max(...[...document.querySelectorAll('#home button')]"
                    + ".filter(b => b.checkVisibility()).map(b => b.getBoundingClientRect().bottom)) / innerHeight");
            assertTrue(bottom > 0.85, "the last button ends at " + Math.round(bottom * 100) + " % of the height" + at);

            screen.chooseService("online-help");
            assertTrue(browser.findElement(By.id("take")).isDisplayed(), "Lấy số" + at);
            assertFits("confirm screen" + at);
            screen.takeNumber();
            Poll.until(Touchscreen.WAIT, WAIT_FOR_PAPER, () -> "printed".equals(screen.attr("#ticket", "data-print-state")));
            assertFits("ticket screen, printed" + at);
            screen.home();

            kiosk.sim().paper().setPaperOut(true);
            screen.chooseService("land");
            assertFits("confirm screen with four documents" + at);
            screen.takeNumber();
            Poll.until(Touchscreen.WAIT, "the QR to photograph", () -> browser.findElement(By.id("not-printed")).isDisplayed());
            Poll.until(Touchscreen.WAIT, "the QR image", () -> screen.number(
                    "return document.getElementById('ticket-qr').naturalWidth") > 0);
            assertFits("ticket screen, not printed, with the QR" + at);
            kiosk.sim().paper().setPaperOut(false);
            screen.home();
        }
    }

    @Test
    void theLargerTextModeGrowsTheTextAndStillFitsTheSmallPanel() {
        screen.size(800, 480);
        screen.open();
        double title = screen.fontSize("#home-title");
        double body = screen.fontSize("body");
        screen.tap("text-size");
        Poll.until(Touchscreen.WAIT, "larger text", () -> screen.fontSize("#home-title") > title * 1.15);
        assertTrue(screen.fontSize("body") > body * 1.15, "body text " + body + " → " + screen.fontSize("body"));
        assertEquals("true", screen.attr("#text-size", "aria-pressed"));
        assertFits("start screen, larger text");
        screen.chooseService("land");
        assertFits("confirm screen, larger text");
        screen.takeNumber();
        Poll.until(Touchscreen.WAIT, WAIT_FOR_PAPER, () -> "printed".equals(screen.attr("#ticket", "data-print-state")));
        assertFits("ticket screen, larger text");
        screen.tap("text-size");
        Poll.until(Touchscreen.WAIT, "normal text again", () -> Math.abs(screen.fontSize("body") - body) < 0.5);
    }

    /** Changing screens starts at the top, so the number the citizen must see is never above the edge. */
    @Test
    void everyScreenChangeStartsAtTheTop() {
        screen.size(800, 480);
        screen.open();
        screen.chooseService("land");
        // make the page scrollable, as the old 943 px start page was, and scroll down
        browser.executeScript("const s = document.createElement('div');"
                + "s.style.cssText = 'position: absolute; top: 0; left: 0; width: 1px; height: 4000px';"
                + "document.body.append(s); window.scrollTo(0, 600);");
        assertEquals(600, screen.number("return window.scrollY"), 1, "scrolled down before the tap");
        browser.executeScript("document.getElementById('take').click()");
        Poll.until(Touchscreen.WAIT, "the ticket screen", () -> "ticket".equals(screen.screen()));
        assertEquals(0, screen.number("return window.scrollY"), 0.5, "the ticket screen starts at the top");
        double[] box = {screen.number("return document.getElementById('number').getBoundingClientRect().top"),
            screen.number("return document.getElementById('number').getBoundingClientRect().bottom")};
        assertTrue(box[0] >= 0 && box[1] <= 480, "the number is on screen: " + box[0] + ".." + box[1]);
        browser.executeScript("window.scrollTo(0, 600)");
        screen.home();
        assertEquals(0, screen.number("return window.scrollY"), 0.5, "the start screen starts at the top");
    }

    /** Each service has its icon, shipped with the kiosk (no CDN): configured, by service id, or the default. */
    @Test
    void everyServiceShowsItsIconFromTheKiosk() {
        screen.size(800, 480);
        screen.open();
        List<?> icons = (List<?>) browser.executeScript("return [...document.querySelectorAll('#services button')]"
                + ".map(b => b.querySelector('.icon') ? b.querySelector('.icon').dataset.icon : null)");
        assertEquals(List.of("family", "extract", "rings", "stamp", "land", "house", "shop", "care", "results",
                "online", "residence", "health", "water"), icons);
        Poll.until(Touchscreen.WAIT, "every icon loaded", () -> screen.number(
                "return performance.getEntriesByType('resource').filter(e => e.name.includes('/icons/')"
                        + " && e.responseStatus === 200).length") >= 13);
        List<?> foreign = (List<?>) browser.executeScript("return performance.getEntriesByType('resource')"
                + ".map(e => e.name).filter(n => !n.startsWith(location.origin))");
        assertEquals(List.of(), foreign, "everything comes from the kiosk");
        double drawn = screen.number("const i = document.querySelector('#services .icon'); const r = i.getBoundingClientRect();"
                + "return getComputedStyle(i).maskImage.includes('/icons/') ? Math.min(r.width, r.height) : 0");
        assertTrue(drawn >= 24, "the icon is drawn, " + drawn + " px");
    }
}
