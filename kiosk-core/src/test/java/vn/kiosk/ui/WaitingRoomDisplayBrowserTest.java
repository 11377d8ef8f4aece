package vn.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Accessibility;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.Browser;
import vn.kiosk.testing.MutableClock;
import vn.kiosk.testing.RunningKiosk;

/**
 * The waiting-room display in a real headless Chromium: the centre's name, the kiosk's date and time,
 * the latest call large (and flashing when it comes), the last 5 calls with their counters and the
 * waiting count per service; right after a reload and a kiosk restart too; on a 1920×1080 TV and a
 * 1080×1920 portrait screen.
 */
class WaitingRoomDisplayBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SITE = "Trung tâm Phục vụ hành chính công Phường Bến Thành";

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private ChromeDriver browser;
    private Api api;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void start(String yaml, int width, int height) throws Exception {
        Assumptions.assumeTrue(Browser.installed(), "needs Debian's chromium and chromium-driver");
        kiosk.start(yaml);
        api = kiosk.api();
        browser = Browser.open(kiosk.dir().resolve("chromium"), width, height);
        Browser.viewport(browser, width, height);
    }

    private String issue(String serviceId) {
        return api.post("/api/tickets", "{\"serviceId\": \"%s\", \"channel\": \"robot\"}".formatted(serviceId)).body()
                .get("number").asText();
    }

    private String callNext(String counterId) {
        return api.post("/api/counters/" + counterId + "/next", "{}").body().get("number").asText();
    }

    private void openDisplay() {
        browser.get(kiosk.base() + "/display");
        Poll.until(WAIT, "the display to load", () -> "true".equals(attr("body", "data-ready")));
    }

    private String attr(String css, String name) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0).getDomAttribute(name);
    }

    private String text(String css) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private List<String> recentNumbers() {
        List<String> numbers = new ArrayList<>();
        browser.findElements(By.cssSelector("#recent tr")).forEach(tr -> numbers.add(tr.getDomAttribute("data-number")));
        return numbers;
    }

    @Test
    void showsTheCentreTheKioskClockTheLastFiveCallsAndTheWaitingPerService() throws Exception {
        // 09:05 on Friday 14 March 2025 in Ho Chi Minh City
        kiosk.clock(new MutableClock(Instant.parse("2025-03-14T02:05:00Z")));
        start("{}", 1920, 1080);
        List<String> called = new ArrayList<>();
        String[][] calls = {{"civil-status", "1"}, {"civil-extract", "2"}, {"certification", "3"}, {"land", "4"},
            {"social-allowance", "5"}, {"certification", "3"}, {"land", "4"}};
        for (String[] call : calls) {
            issue(call[0]);
            called.add(0, callNext(call[1]));
        }
        issue("land");
        issue("land");
        issue("social-allowance");
        openDisplay();

        assertEquals(SITE, text("#centre"));
        Poll.until(WAIT, "the kiosk's time", () -> "09:05".equals(text("#clock")));
        assertTrue(text("#date").contains("14/03/2025") && text("#date").contains("Thứ Sáu"), text("#date"));
        String ticked = attr("#clock", "datetime");
        Poll.until(WAIT, "the clock to tick", () -> !ticked.equals(attr("#clock", "datetime")));

        assertEquals(called.get(0), text("#latest-number"), "the latest call, large");
        assertTrue(text("#latest-counter").contains("Quầy 4"), text("#latest-counter"));
        assertEquals(called.subList(0, 5), recentNumbers(), "the last 5 calls, newest first");
        assertTrue(text("#recent tr:nth-child(2)").contains("Quầy 3"), text("#recent tr:nth-child(2)"));

        JsonNode queue = api.get("/api/queue").body();
        for (JsonNode s : queue.get("services")) {
            String id = s.get("serviceId").asText();
            assertEquals(s.get("waiting").asText(), text("#waiting li[data-service-id='" + id + "'] .count"), id);
        }
        assertEquals("2", text("#waiting li[data-service-id='land'] .count"));

        // a new call: large, flashing for a few seconds, announced in Vietnamese
        issue("social-allowance");
        String number = callNext("5");
        Poll.until(WAIT, "the new call", () -> number.equals(text("#latest-number")));
        assertEquals("true", attr("#latest", "data-flashing"));
        assertEquals("Mời số " + String.join(" ", number.split("")) + " đến quầy 5", attr("body", "data-last-announcement"));
        if (java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/espeak-ng"))) {
            // headless Chromium, like Chromium on a Pi, has no voice of its own: the call is the kiosk's audio
            String ticketId = api.get("/api/display").body().get("latestCalls").get(0).get("ticketId").asText();
            Poll.until(WAIT, "the kiosk's audio of the call", () -> ("fetched " + ticketId).equals(attr("body", "data-call-audio")));
        }
        assertEquals(number, recentNumbers().get(0));
        assertEquals("1", text("#waiting li[data-service-id='social-allowance'] .count"), "one waits still");
        Poll.until(WAIT, "the flashing to stop", () -> !"true".equals(attr("#latest", "data-flashing")));
    }

    @Test
    void afterAReloadAndAKioskRestartTheCallsAreStillShown() throws Exception {
        start("{}", 1920, 1080);
        issue("land");
        issue("certification");
        String first = callNext("4");
        String latest = callNext("3");
        openDisplay();
        assertEquals(latest, text("#latest-number"), "the banner shows the latest call, never '–'");
        assertEquals(List.of(latest, first), recentNumbers());

        browser.navigate().refresh();
        Poll.until(WAIT, "the display to load again", () -> "true".equals(attr("body", "data-ready")));
        assertEquals(latest, text("#latest-number"), "after a reload");
        assertEquals(List.of(latest, first), recentNumbers());

        // the calls come from the stored tickets, not from the running kiosk's memory
        kiosk.restart();
        browser.navigate().refresh();
        Poll.until(WAIT, "the display to load from the restarted kiosk", () -> "true".equals(attr("body", "data-ready")));
        assertEquals(latest, text("#latest-number"), "after a restart of the kiosk");
        assertEquals(List.of(latest, first), recentNumbers());
    }

    @Test
    void afterTheLiveStreamCameBackTheDisplayShowsWhatItMissed() throws Exception {
        start("{}", 1920, 1080);
        issue("land");
        openDisplay();
        Poll.until(WAIT, "the live stream", () -> "live".equals(attr("body", "data-events")));
        LiveStreamOutage.begin(kiosk, browser);
        api = kiosk.api();
        String number = callNext("4");
        LiveStreamOutage.end(browser);
        Poll.until(WAIT, "the call made while the stream was away", () -> number.equals(text("#latest-number")));
    }

    /** From 5 m: the number at least 10 % of the screen's height; nothing to scroll on a TV or a portrait screen. */
    @Test
    void fitsATvAndAPortraitScreenReadableFromFiveMetres() throws Exception {
        // 12 services with long names: the most the touchscreen is designed for
        StringBuilder yaml = new StringBuilder("scanning: { dossierServiceId: s0 }\nservices:\n");
        for (int i = 0; i < 12; i++) {
            yaml.append("""
                      - id: s%d
                        prefix: %s
                        name: { vi: "Dịch vụ số %d: chứng thực bản sao, chữ ký và hợp đồng", en: "Service %d" }
                        numbers: { first: 1, last: 999 }
                        documents: []
                        counters: ["%d"]
                    """.formatted(i, (char) ('A' + i), i, i, i % 5 + 1));
        }
        start(yaml.toString(), 1920, 1080);
        for (int i = 0; i < 12; i++) {
            issue("s" + i);
            issue("s" + i);
        }
        for (int i = 0; i < 6; i++) {
            callNext(String.valueOf(i % 5 + 1));
        }
        for (int[] size : new int[][] {{1920, 1080}, {1080, 1920}}) {
            Browser.viewport(browser, size[0], size[1]);
            openDisplay();
            String at = size[0] + "×" + size[1];
            long height = ((Number) js("return window.innerHeight")).longValue();
            assertEquals(size[1], height, "the viewport at " + at);
            double number = ((Number) js("return document.getElementById('latest-number').getBoundingClientRect().height"))
                    .doubleValue();
            assertTrue(number >= 0.1 * height, "the latest number is " + number + " px high at " + at);
            double font = ((Number) js("return parseFloat(getComputedStyle(document.getElementById('latest-number')).fontSize)"))
                    .doubleValue();
            assertTrue(font >= 0.1 * height, "the latest number's font is " + font + " px at " + at);
            System.out.printf("display at %s: latest number %.0f px high (%.0f %% of the screen's height), waiting type x%s%n",
                    at, number, 100 * number / height, js("return getComputedStyle(document.getElementById('waiting-box'))"
                            + ".getPropertyValue('--fit') || '1'"));
            long scrollY = ((Number) js("return document.documentElement.scrollHeight - window.innerHeight")).longValue();
            long scrollX = ((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
            assertTrue(scrollY <= 0 && scrollX <= 0, "scrolls by " + scrollX + "×" + scrollY + " px at " + at);
            assertEquals(5, recentNumbers().size(), at);
            assertEquals(12, browser.findElements(By.cssSelector("#waiting li")).size(), at);
            for (WebElement e : browser.findElements(By.cssSelector("#recent tr, #waiting li, #centre, #clock, #date"))) {
                @SuppressWarnings("unchecked")
                var r = (java.util.Map<String, Number>) ((JavascriptExecutor) browser).executeScript(
                        "const r = arguments[0].getBoundingClientRect(); return {top: r.top, bottom: r.bottom, right: r.right};", e);
                assertTrue(r.get("top").doubleValue() >= 0 && r.get("bottom").doubleValue() <= size[1]
                        && r.get("right").doubleValue() <= size[0], "on screen at " + at + ": " + e.getText() + " " + r);
            }
        }
    }

    @Test
    void theDisplayHasNoSeriousAccessibilityViolation() throws Exception {
        Assumptions.assumeTrue(Accessibility.installed(), "needs axe-core (scripts/test runs npm ci)");
        start("{}", 1920, 1080);
        issue("land");
        issue("land");
        callNext("4");
        openDisplay();
        assertNotEquals("–", text("#latest-number"));
        assertEquals(List.of(), Accessibility.blockingViolations(browser));
    }
}
