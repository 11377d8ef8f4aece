package vn.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Accessibility;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.Browser;
import vn.kiosk.testing.MutableClock;
import vn.kiosk.testing.RunningKiosk;

/**
 * The counter page in a real headless Chromium: it shows the ticket its counter is serving from the
 * kiosk (after a reload, in a second browser, after the live stream comes back), the waiting list of
 * its services, keyboard shortcuts, and its actions fit the official 7" display (800×480).
 */
class CounterPageBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String[] ACTIONS = {"next", "recall", "complete", "noshow", "transfer"};

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private final List<ChromeDriver> browsers = new ArrayList<>();
    private Api api;

    @AfterEach
    void stop() {
        browsers.forEach(ChromeDriver::quit);
    }

    private ChromeDriver start(String yaml, int width, int height) throws Exception {
        Assumptions.assumeTrue(Browser.installed(), "needs Debian's chromium and chromium-driver");
        kiosk.start(yaml);
        api = kiosk.api();
        return browser(width, height);
    }

    private ChromeDriver browser(int width, int height) {
        ChromeDriver b = Browser.open(kiosk.dir().resolve("chromium-" + browsers.size()), width, height);
        browsers.add(b);
        Browser.viewport(b, width, height);
        return b;
    }

    private String issue(String serviceId, String priority) {
        String body = priority == null ? "{\"serviceId\": \"%s\", \"channel\": \"robot\"}".formatted(serviceId)
                : "{\"serviceId\": \"%s\", \"priority\": \"%s\", \"channel\": \"robot\"}".formatted(serviceId, priority);
        return api.post("/api/tickets", body).body().get("id").asText();
    }

    private String number(String ticketId) {
        return api.get("/api/tickets/" + ticketId).body().get("number").asText();
    }

    private String status(String ticketId) {
        return api.get("/api/tickets/" + ticketId).body().get("status").asText();
    }

    /** Opens /counter and picks the counter (the choice is kept in the browser). */
    private void openCounter(ChromeDriver b, String counterId) {
        b.get(kiosk.base() + "/counter");
        Poll.until(WAIT, "the counter page to load", () -> "true".equals(attr(b, "body", "data-ready")));
        Select counter = new Select(b.findElement(By.id("counter")));
        if (!counterId.equals(counter.getFirstSelectedOption().getDomAttribute("value"))) {
            counter.selectByValue(counterId);
        }
        Poll.until(WAIT, "the counter's board", () -> counterId.equals(attr(b, "body", "data-counter")));
    }

    private static String attr(ChromeDriver b, String css, String name) {
        List<WebElement> found = b.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0).getDomAttribute(name);
    }

    private static String text(ChromeDriver b, String css) {
        List<WebElement> found = b.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private static void showsServing(ChromeDriver b, String number, String what) {
        Poll.until(WAIT, what + " (" + number + ")", () -> number.equals(text(b, "#current-number")));
    }

    private static Object js(ChromeDriver b, String script, Object... args) {
        return ((JavascriptExecutor) b).executeScript(script, args);
    }

    @Test
    void aReloadedPageShowsTheTicketItsCounterServesAndActsOnItAtOnce() throws Exception {
        ChromeDriver b = start("{}", 1280, 800);
        String ticket = issue("certification", null);
        String number = number(ticket);
        openCounter(b, "3");
        b.findElement(By.id("next")).click();
        showsServing(b, number, "the called number");

        b.navigate().refresh();
        Poll.until(WAIT, "the counter page to load again", () -> "true".equals(attr(b, "body", "data-ready")));
        showsServing(b, number, "the ticket the counter serves, after a reload");
        assertEquals(ticket, attr(b, "#current-number", "data-ticket-id"));

        b.findElement(By.id("recall")).click();
        Poll.until(WAIT, "the recall", () -> api.get("/api/tickets/" + ticket).body().get("callCount").asInt() == 2);
        b.findElement(By.id("complete")).click();
        Poll.until(WAIT, "the ticket completed", () -> "completed".equals(status(ticket)));
        Poll.until(WAIT, "nothing served any more", () -> "–".equals(text(b, "#current-number")));
    }

    @Test
    void twoBrowsersAtOneCounterShowTheSameTicketAndEachOthersActions() throws Exception {
        ChromeDriver first = start("{}", 1280, 800);
        String a = issue("certification", null);
        String b2 = issue("certification", null);
        openCounter(first, "3");
        first.findElement(By.id("next")).click();
        showsServing(first, number(a), "the called number");

        ChromeDriver second = browser(1280, 800);
        openCounter(second, "3");
        showsServing(second, number(a), "the second browser showing what the counter serves");

        // an action in one browser shows in the other, through the live stream
        second.findElement(By.id("next")).click();
        showsServing(second, number(b2), "the second browser's call");
        showsServing(first, number(b2), "the first browser following the second");
        assertEquals("completed", status(a), "calling next completes the one served");
        first.findElement(By.id("noshow")).click();
        Poll.until(WAIT, "the no-show", () -> "no_show".equals(status(b2)));
        Poll.until(WAIT, "the second browser to see it", () -> "–".equals(text(second, "#current-number")));
    }

    @Test
    void afterTheLiveStreamCameBackThePageReadsWhatItMissed() throws Exception {
        ChromeDriver b = start("{}", 1280, 800);
        String a = issue("certification", null);
        openCounter(b, "3");
        Poll.until(WAIT, "the live stream", () -> "live".equals(attr(b, "body", "data-events")));
        LiveStreamOutage.begin(kiosk, b);
        api = kiosk.api();
        assertEquals(200, api.post("/api/counters/3/next", "{}").status(), "another browser of counter 3 calls");
        LiveStreamOutage.end(b);
        showsServing(b, number(a), "the call made while the stream was away");
    }

    @Test
    void theWaitingListShowsTheCounterServicesWithPriorityMarkedAndWaitingTimes() throws Exception {
        // 09:00 local: the minutes this test moves on never cross the 04:00 business-day reset (CI once ran
        // it at 03:57 local and the tickets left the queue at the reset)
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T02:00:00Z"));
        kiosk.clock(clock);
        ChromeDriver b = start("{}", 1280, 800);
        // counter 5 serves social, return-results and online-help; land is counter 4's
        String regular = issue("return-results", null);
        clock.advance(Duration.ofMinutes(2));
        String elderly = issue("social-allowance", "elderly");
        String elsewhere = issue("land", null);
        clock.advance(Duration.ofMinutes(5));
        openCounter(b, "5");
        Poll.until(WAIT, "the waiting list", () -> b.findElements(By.cssSelector("#waiting-list li")).size() == 2);
        assertTrue(b.findElements(By.cssSelector("#waiting-list li[data-ticket-id='" + elsewhere + "']")).isEmpty(),
                "another counter's service is not listed");

        WebElement first = b.findElement(By.cssSelector("#waiting-list li:nth-child(1)"));
        assertEquals(elderly, first.getDomAttribute("data-ticket-id"), "a priority ticket is called first, so listed first");
        assertEquals("true", first.getDomAttribute("data-priority"));
        assertTrue(first.getText().contains(number(elderly)), first.getText());
        assertTrue(first.getText().contains("Ưu tiên"), "the priority mark is a word, not a colour only: " + first.getText());
        assertTrue(first.getText().contains("5 phút"), "waited 5 minutes: " + first.getText());
        WebElement second = b.findElement(By.cssSelector("#waiting-list li:nth-child(2)"));
        assertEquals(regular, second.getDomAttribute("data-ticket-id"));
        assertFalse(second.getText().contains("Ưu tiên"), second.getText());
        assertTrue(second.getText().contains("7 phút"), "waited 7 minutes: " + second.getText());
        assertTrue(text(b, "#waiting-count").contains("2"), text(b, "#waiting-count"));

        // the times follow the kiosk's clock: a later change re-reads them
        clock.advance(Duration.ofMinutes(4));
        issue("online-help", null);
        Poll.until(WAIT, "the new ticket listed", () -> b.findElements(By.cssSelector("#waiting-list li")).size() == 3);
        Poll.until(WAIT, "11 minutes for the first arrival", () -> text(b, "#waiting-list li[data-ticket-id='" + regular + "']")
                .contains("11 phút"));
    }

    @Test
    void keyboardShortcutsDoTheFrequentActionsButNotWhileTyping() throws Exception {
        ChromeDriver b = start("{}", 1280, 800);
        String a = issue("certification", null);
        String c = issue("certification", null);
        String d = issue("certification", null);
        openCounter(b, "3");
        for (String id : ACTIONS) {
            WebElement button = b.findElement(By.id(id));
            assertTrue(button.getDomAttribute("aria-keyshortcuts") != null, id + " names its key");
            assertEquals(1, button.findElements(By.tagName("kbd")).size(), id + " shows its key");
        }

        // typing into the token field is typing, not a call
        b.findElement(By.id("token")).sendKeys("n");
        Poll.never(Duration.ofMillis(500), "a call while typing", () -> "called".equals(status(a)));
        js(b, "document.getElementById('token').value = ''; document.activeElement.blur();");

        new Actions(b).sendKeys("n").perform();
        showsServing(b, number(a), "N calls the next");
        new Actions(b).sendKeys("r").perform();
        Poll.until(WAIT, "R recalls", () -> api.get("/api/tickets/" + a).body().get("callCount").asInt() == 2);
        new Actions(b).sendKeys("c").perform();
        Poll.until(WAIT, "C completes", () -> "completed".equals(status(a)));
        new Actions(b).sendKeys(Keys.SPACE).perform();
        showsServing(b, number(c), "Space calls the next");
        new Actions(b).sendKeys("x").perform();
        Poll.until(WAIT, "X marks a no-show", () -> "no_show".equals(status(c)));
        new Actions(b).sendKeys("n").perform();
        showsServing(b, number(d), "the next again");
        new Select(b.findElement(By.id("transfer-to"))).selectByValue("land");
        js(b, "document.activeElement.blur();");
        new Actions(b).sendKeys("t").perform();
        Poll.until(WAIT, "T transfers", () -> "land".equals(api.get("/api/tickets/" + d).body().get("serviceId").asText()));
    }

    @Test
    void onTheSevenInchDisplayTheActionsFitWithoutScrolling() throws Exception {
        ChromeDriver b = start("{}", 800, 480);
        for (int i = 0; i < 25; i++) {
            issue(i % 2 == 0 ? "social-allowance" : "return-results", i % 5 == 0 ? "elderly" : null);
        }
        openCounter(b, "5");
        b.findElement(By.id("next")).click();
        Poll.until(WAIT, "a ticket served", () -> !"–".equals(text(b, "#current-number")));
        Poll.until(WAIT, "the waiting list", () -> b.findElements(By.cssSelector("#waiting-list li")).size() == 24);
        assertEquals(800L, ((Number) js(b, "return window.innerWidth")).longValue(), "the viewport is the panel's");
        assertEquals(480L, ((Number) js(b, "return window.innerHeight")).longValue(), "the viewport is the panel's");
        for (String id : List.of("next", "recall", "complete", "noshow", "transfer", "transfer-to", "reprint")) {
            @SuppressWarnings("unchecked")
            Map<String, Number> r = (Map<String, Number>) js(b, "const r = document.getElementById(arguments[0])"
                    + ".getBoundingClientRect(); return {top: r.top, left: r.left, bottom: r.bottom, right: r.right, height: r.height};", id);
            assertTrue(r.get("top").doubleValue() >= 0 && r.get("left").doubleValue() >= 0
                    && r.get("bottom").doubleValue() <= 480 && r.get("right").doubleValue() <= 800, id + " within 800×480: " + r);
            assertTrue(r.get("height").doubleValue() >= 48, id + " large enough to hit: " + r);
        }
        double lowest = ((Number) js(b, "return Math.max(...[...document.querySelectorAll('.actions button, .actions select')]"
                + ".map(e => e.getBoundingClientRect().bottom))")).doubleValue();
        System.out.printf("counter page at 800×480: the lowest action ends at %.0f px%n", lowest);
        long pageScroll = ((Number) js(b, "return document.documentElement.scrollHeight - window.innerHeight")).longValue();
        assertTrue(pageScroll <= 0, "the page scrolls by " + pageScroll + " px");
        long listScroll = ((Number) js(b, "const l = document.getElementById('waiting-list');"
                + " return l.scrollHeight - l.clientHeight")).longValue();
        assertTrue(listScroll > 0, "24 waiting tickets scroll inside their own box");
    }

    @Test
    void theCounterPageHasNoSeriousAccessibilityViolation() throws Exception {
        Assumptions.assumeTrue(Accessibility.installed(), "needs axe-core (scripts/test runs npm ci)");
        ChromeDriver b = start("{}", 800, 480);
        issue("social-allowance", "elderly");
        issue("social-allowance", null);
        issue("return-results", null);
        openCounter(b, "5");
        b.findElement(By.id("next")).click();
        Poll.until(WAIT, "a ticket served", () -> !"–".equals(text(b, "#current-number")));
        Poll.until(WAIT, "the waiting list", () -> b.findElements(By.cssSelector("#waiting-list li")).size() == 2);
        assertEquals(List.of(), Accessibility.blockingViolations(b));
    }
}
