package vn.kiosk.ui;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.RunningKiosk;

/**
 * Takes a page's live event stream away, so that what the kiosk does meanwhile reaches the page only
 * if it reads its state again when the stream comes back: DevTools blocks the page's reconnects
 * while the kiosk restarts on its port (a restart ends every stream).
 */
final class LiveStreamOutage {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private LiveStreamOutage() { }

    static void begin(RunningKiosk kiosk, ChromeDriver page) throws Exception {
        page.executeCdpCommand("Network.enable", Map.of());
        page.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/events*")));
        kiosk.restart();
        Poll.until(WAIT, "the page to lose its stream", () -> !"live".equals(events(page)));
    }

    static void end(ChromeDriver page) {
        page.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        Poll.until(WAIT, "the stream back", () -> "live".equals(events(page)));
    }

    private static String events(ChromeDriver page) {
        return page.findElement(By.tagName("body")).getDomAttribute("data-events");
    }
}
