package vn.kiosk.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.app.KioskApp;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.Browser;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestConfigs;

/**
 * Not a test: writes a picture of every screen as a centre would see it (scripts/screenshots).
 * A kiosk with the shipped services and simulated devices, a few tickets issued and called, then
 * the touchscreen (start, confirm, ticket printed, ticket whose paper failed, water), the counter
 * page and the waiting-room display, at 800×480 and 1920×1080, the display also at 1080×1920, and
 * the managers' reports page.
 */
public final class ScreenshotTour {

    private static final List<int[]> SIZES = List.of(new int[] {800, 480}, new int[] {1920, 1080});

    private ScreenshotTour() { }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "docs/screens"));
        Path dir = Files.createTempDirectory("kiosk-screens-");
        int port = Ports.free();
        try (KioskApp app = new KioskApp(TestConfigs.load(dir, "devices: { dispenser: \"sim:\" }\n",
                Map.of("KIOSK_HTTP_PORT", String.valueOf(port))), Clock.systemDefaultZone()).start()) {
            String base = "http://127.0.0.1:" + port;
            Api api = new Api(port);
            for (String service : List.of("civil-status", "civil-status", "land", "land", "certification")) {
                api.post("/api/tickets", "{\"serviceId\": \"" + service + "\"}");
            }
            api.post("/api/counters/1/next", "{}");
            api.post("/api/counters/4/next", "{}");
            ChromeDriver browser = Browser.open(dir.resolve("chromium"), 1920, 1080);
            try {
                Touchscreen screen = new Touchscreen(browser, base);
                for (int[] s : SIZES) {
                    String size = s[0] + "x" + s[1];
                    screen.size(s[0], s[1]);
                    screen.open();
                    shoot(browser, out.resolve("touchscreen-start-" + size + ".png"));
                    screen.chooseService("land");
                    shoot(browser, out.resolve("touchscreen-confirm-" + size + ".png"));
                    screen.takeNumber();
                    Poll.until(Touchscreen.WAIT, "the paper's outcome", () -> !"pending".equals(screen.attr("#ticket", "data-print-state")));
                    shoot(browser, out.resolve("touchscreen-ticket-" + size + ".png"));
                    screen.home();
                    app.simulated().paper().setPaperOut(true);
                    screen.chooseService("civil-status");
                    screen.takeNumber();
                    Poll.until(Touchscreen.WAIT, "the failed paper", () -> "failed".equals(screen.attr("#ticket", "data-print-state")));
                    shoot(browser, out.resolve("touchscreen-ticket-no-paper-" + size + ".png"));
                    app.simulated().paper().setPaperOut(false);
                    screen.home();
                    browser.findElement(By.id("drink-open")).click();
                    Poll.until(Touchscreen.WAIT, "the water screen", () -> "drink".equals(screen.screen()));
                    shoot(browser, out.resolve("touchscreen-water-" + size + ".png"));

                    browser.get(base + "/counter.html?counter=1");
                    Poll.until(Touchscreen.WAIT, "the counter's ticket", () -> !browser.findElement(By.id("current-number")).getText().equals("–"));
                    shoot(browser, out.resolve("counter-" + size + ".png"));
                }
                api.post("/api/counters/1/next", "{}"); // completes the first civil-status ticket: a service time
                screen.size(1280, 1600);
                browser.get(base + "/reports");
                Poll.until(Touchscreen.WAIT, "the report", () -> "true".equals(browser.findElement(By.tagName("body"))
                        .getDomAttribute("data-ready")));
                shoot(browser, out.resolve("reports-1280x1600.png"));
                for (int[] s : List.of(new int[] {1920, 1080}, new int[] {1080, 1920}, new int[] {800, 480})) {
                    screen.size(s[0], s[1]);
                    browser.get(base + "/display");
                    Poll.until(Touchscreen.WAIT, "the display's latest call", () -> browser.findElements(By.cssSelector("#recent tr")).size() > 0);
                    shoot(browser, out.resolve("display-" + s[0] + "x" + s[1] + ".png"));
                }
            } finally {
                browser.quit();
            }
        }
        System.out.println("screens written to " + out.toAbsolutePath());
    }

    private static void shoot(ChromeDriver browser, Path file) throws Exception {
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        System.out.println(file);
    }
}
