package vn.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Chromium;
import vn.kiosk.testing.RunningKiosk;

/**
 * "Nghe hướng dẫn" speaks the screen's guidance, and on the ticket screen the number and counter: with
 * the browser's vi-VN voice where there is one, else with audio the kiosk makes (headless Chromium has
 * no voices, so here it is the kiosk's espeak-ng).
 */
class SpokenGuidanceBrowserTest {

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    @RegisterExtension
    final Chromium chromium = new Chromium(kiosk);
    private ChromeDriver browser;
    private Touchscreen screen;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng")), "needs Debian's espeak-ng");
        screen = Touchscreen.onThePanel(kiosk, chromium, "{}");
        browser = screen.browser();
        screen.open();
    }

    private boolean hasVietnameseVoice() {
        return (Boolean) browser.executeScript("return speechSynthesis.getVoices().some(v => v.lang.startsWith('vi'))");
    }

    /** The kiosk's audio for path was fetched and played, or the browser's own voice spoke. */
    private void assertSpoken(String path) {
        if (hasVietnameseVoice()) {
            Poll.until(Touchscreen.WAIT, "the browser's vi-VN voice", () -> "voice".equals(screen.attr("body", "data-speech")));
            return;
        }
        Poll.until(Touchscreen.WAIT, "a request for " + path, () -> screen.number(
                "return performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname === arguments[0]"
                        + " && e.responseStatus === 200).length", path) > 0);
        Poll.until(Touchscreen.WAIT, "the kiosk's audio playing", () -> "audio".equals(screen.attr("body", "data-speech")));
    }

    @Test
    void theButtonSpeaksTheScreensGuidanceAndTheTicket() {
        var speak = browser.findElement(By.id("speak"));
        assertTrue(speak.isDisplayed());
        assertTrue(speak.getText().contains("Nghe hướng dẫn"), speak.getText());
        assertEquals(1, speak.findElements(By.cssSelector(".icon")).size(), "an icon beside the words");
        screen.tap("speak");
        assertSpoken("/api/speech/guide/home");

        screen.chooseService("land");
        String id = screen.takeNumber();
        screen.tap("speak");
        assertSpoken("/api/speech/ticket/" + id);
    }
}
