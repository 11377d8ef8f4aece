package vn.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.Browser;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.RunningKiosk;

/** The citizen touchscreen, the counter page and the waiting-room display in a real headless Chromium. */
class TouchscreenBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private ChromeDriver browser;
    private Api api;
    private String base;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Browser.installed(), "needs Debian's chromium and chromium-driver");
        kiosk.start("ui: { idleSeconds: 5 }\n");
        api = kiosk.api();
        base = kiosk.base();
        browser = Browser.open(kiosk.dir().resolve("chromium"), 800, 480);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void openTouchscreen() {
        browser.get(base + "/");
        Poll.until(WAIT, "the touchscreen to load", () -> "true".equals(attr("body", "data-ready")));
    }

    private String attr(String css, String name) {
        return browser.findElement(By.cssSelector(css)).getDomAttribute(name);
    }

    private String screen() {
        return attr("body", "data-screen");
    }

    private void tapService(String id) {
        browser.findElement(By.cssSelector("#services button[data-service-id='" + id + "']")).click();
        Poll.until(WAIT, "the confirm screen", () -> "confirm".equals(screen()));
    }

    @Test
    void aCitizenTakesANumberAndTheScreenShowsTheIssuedTicket() {
        openTouchscreen();
        tapService("land");
        assertTrue(browser.findElement(By.id("documents")).getText().contains("Giấy chứng nhận"), "documents to bring");
        browser.findElement(By.cssSelector("#priorities button[data-priority='elderly']")).click();
        browser.findElement(By.id("take")).click();
        Poll.until(WAIT, "the ticket screen", () -> "ticket".equals(screen()));
        String id = attr("#ticket", "data-ticket-id");
        var ticket = api.get("/api/tickets/" + id).body();
        assertEquals(ticket.get("number").asText(), browser.findElement(By.id("number")).getText());
        assertEquals("elderly", ticket.get("priority").asText());
        assertEquals("touchscreen", ticket.get("channel").asText());
        // the number comes at once, the paper after it
        Poll.until(WAIT, "the paper", () -> "printed".equals(attr("#ticket", "data-print-state")));
        assertTrue(api.get("/api/tickets/" + id).body().get("printed").asBoolean());
        assertTrue(browser.findElement(By.id("ticket-where")).getText().contains("Quầy 4"));
        assertNoHorizontalOverflow();
    }

    /** One tap switches every text of the touchscreen, the markup's and the scripts', and back. */
    @Test
    void theLanguageButtonSwitchesEveryText() {
        var land = java.util.stream.StreamSupport.stream(api.get("/api/services").body().spliterator(), false)
                .filter(s -> "land".equals(s.get("id").asText())).findFirst().orElseThrow().get("name");
        new Touchscreen(browser, base).size(800, 480);
        openTouchscreen();
        assertEquals("English", browser.findElement(By.id("lang")).getText());
        assertEquals("Chọn dịch vụ để lấy số", browser.findElement(By.id("home-title")).getText());
        browser.findElement(By.id("lang")).click();
        Poll.until(WAIT, "English", () -> "en".equals(attr("html", "lang")));
        assertEquals("Tiếng Việt", browser.findElement(By.id("lang")).getText());
        assertEquals("Choose a service to take a number", browser.findElement(By.id("home-title")).getText());
        assertEquals("Take a number", browser.getTitle());
        WebElement service = browser.findElement(By.cssSelector("#services button[data-service-id='land']"));
        assertTrue(service.getText().startsWith(land.get("en").asText()), service.getText());
        // the other language's name, under it where the buttons have room for it
        assertEquals(land.get("vi").asText(), service.findElement(By.cssSelector(".other")).getDomProperty("textContent"));
        tapService("land");
        assertEquals(land.get("en").asText(), browser.findElement(By.id("confirm-service")).getText());
        assertEquals("Take a number", browser.findElement(By.id("take")).getText());
        assertEquals("No", browser.findElement(By.cssSelector("#priorities button[data-priority='']")).getText());
        browser.findElement(By.id("lang")).click();
        Poll.until(WAIT, "Vietnamese again", () -> "vi".equals(attr("html", "lang")));
        assertEquals(land.get("vi").asText(), browser.findElement(By.id("confirm-service")).getText());
        assertEquals("Lấy số", browser.findElement(By.id("take")).getText());
    }

    /** Input the scanner refuses (too long, a control character) must not look like nothing happened. */
    @Test
    void aCodeTheScannerCannotReadAsksTheCitizenToScanAgain() {
        openTouchscreen();
        var scanner = kiosk.sim().scanner();
        for (String unreadable : new String[] {"x".repeat(5_000), "ab\u0007cd"}) {
            browser.executeScript("document.getElementById('toast').classList.remove('active');"
                    + "document.getElementById('toast').textContent = '';");
            scanner.inject(unreadable);
            Poll.until(WAIT, "the scan-again message", () -> browser.findElement(By.id("toast")).getText()
                    .contains("Không đọc được mã. Vui lòng quét lại."));
            assertTrue(browser.findElement(By.id("toast")).isDisplayed());
        }
    }

    @Test
    void withThePrinterOutOfPaperTheNumberAndAQrStayOnScreen() {
        kiosk.sim().paper().setPaperOut(true);
        openTouchscreen();
        tapService("civil-status");
        browser.findElement(By.id("take")).click();
        Poll.until(WAIT, "the ticket screen", () -> "ticket".equals(screen()));
        Poll.until(WAIT, "the not-printed notice", () -> browser.findElement(By.id("not-printed")).isDisplayed());
        WebElement qr = browser.findElement(By.id("ticket-qr"));
        Poll.until(WAIT, "the QR image", () -> ((Number) ((JavascriptExecutor) browser)
                .executeScript("return arguments[0].naturalWidth", qr)).intValue() > 0);
        assertEquals("A001", browser.findElement(By.id("number")).getText());
    }

    @Test
    void maintenanceShowsOutOfServiceWithoutAReload() {
        openTouchscreen();
        kiosk.app().maintenance().set(true);
        Poll.until(WAIT, "the out-of-service screen", () -> browser.findElement(By.id("maintenance")).isDisplayed());
        kiosk.app().maintenance().set(false);
        Poll.until(WAIT, "back in service", () -> !browser.findElement(By.id("maintenance")).isDisplayed());
    }

    @Test
    void theScreenGoesHomeWhenLeftAlone() {
        openTouchscreen();
        tapService("land");
        Poll.until(Duration.ofSeconds(9), "the idle reset to the home screen", () -> "home".equals(screen()));
        tapService("land");
        browser.findElement(By.id("take")).click();
        Poll.until(WAIT, "the ticket screen", () -> "ticket".equals(screen()));
        Poll.until(Duration.ofSeconds(9), "home after the ticket", () -> "home".equals(screen()));
    }

    @Test
    void aDoubleTapIssuesOneTicket() {
        openTouchscreen();
        tapService("land");
        ((JavascriptExecutor) browser).executeScript(
                "const b = document.getElementById('take'); b.click(); b.disabled = false; b.click(); b.click();");
        Poll.until(WAIT, "the ticket screen", () -> "ticket".equals(screen()));
        Poll.never(Duration.ofSeconds(1), "a second ticket", () -> api.get("/api/queue").body().get("waitingTotal").asInt() > 1);
        assertEquals(1, api.get("/api/queue").body().get("waitingTotal").asInt());
    }

    /** Text and touch targets scale with the screen: 24 px and 15 mm (78 px) on the 800×480 panel, more on larger ones. */
    @Test
    void fitsTheSmallDisplayUpToFullHdInBothOrientations() {
        for (int[] size : List.of(new int[] {800, 480}, new int[] {480, 800}, new int[] {1920, 1080}, new int[] {1080, 1920})) {
            new Touchscreen(browser, base).size(size[0], size[1]);
            openTouchscreen();
            assertNoHorizontalOverflow();
            double scale = Math.min(size[0], size[1]) / 480.0;
            Number fontSize = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return parseFloat(getComputedStyle(document.body).fontSize)");
            assertTrue(fontSize.doubleValue() >= 24 * scale - 0.1, "body text " + fontSize);
            Number smallest = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return Math.min(...[...document.querySelectorAll('button')].filter(b => b.offsetParent)"
                            + ".map(b => Math.min(b.getBoundingClientRect().height, b.getBoundingClientRect().width)))");
            assertTrue(smallest.doubleValue() >= 78 * scale - 0.5, "touch targets at least 15 mm: " + smallest + " at "
                    + size[0] + "x" + size[1]);
        }
    }

    @Test
    void theCounterCallsATicketAndTheDisplayShowsIt() {
        String number = api.post("/api/tickets", "{\"serviceId\": \"certification\", \"channel\": \"robot\"}").body()
                .get("number").asText();
        browser.manage().window().setSize(new Dimension(1280, 800));
        browser.get(base + "/display");
        Poll.until(WAIT, "the display to load", () -> "true".equals(attr("body", "data-ready")));
        String display = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(base + "/counter");
        Poll.until(WAIT, "the counter page to load", () -> "true".equals(attr("body", "data-ready")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("counter"))).selectByValue("3");
        browser.findElement(By.id("next")).click();
        Poll.until(WAIT, "the counter to show the called number", () -> number.equals(browser.findElement(By.id("current-number")).getText()));
        browser.switchTo().window(display);
        Poll.until(WAIT, "the display to show the call", () -> number.equals(browser.findElement(By.id("latest-number")).getText()));
        assertTrue(browser.findElement(By.cssSelector("#recent tr[data-counter='3']")).getText().contains(number));
        assertEquals("Mời số " + String.join(" ", number.split("")) + " đến quầy 3", attr("body", "data-last-announcement"));
    }

    private void assertNoHorizontalOverflow() {
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 0, "content wider than the screen by " + overflow + " px");
    }
}
