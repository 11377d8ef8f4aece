package vn.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.hw.dispenser.SimulatedDispenser;
import vn.kiosk.hw.dispenser.Tap;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.Browser;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.RunningKiosk;

/** The touchscreen's drink flow in headless Chromium against the simulated dispenser. */
class DrinkScreenBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private ChromeDriver browser;
    private Api api;
    private SimulatedDispenser sim;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Browser.installed(), "needs Debian's chromium and chromium-driver");
        kiosk.start("""
                devices: { dispenser: "sim:?flowMlPerMinute=3000" }
                dispenser: { cupMl: 120, noFlowMillis: 500 }
                """);
        api = kiosk.api();
        sim = kiosk.sim().dispenser();
        browser = Browser.open(kiosk.dir().resolve("chromium"), 800, 480);
        browser.get(kiosk.base() + "/");
        Poll.until(WAIT, "the touchscreen to load", () -> "true".equals(attr("body", "data-ready")));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String attr(String css, String name) {
        return browser.findElement(By.cssSelector(css)).getDomAttribute(name);
    }

    private String screen() {
        return attr("body", "data-screen");
    }

    private void tap(String id) {
        browser.findElement(By.id(id)).click();
    }

    private boolean enabled(String id) {
        return browser.findElement(By.id(id)).isEnabled();
    }

    @Test
    void placeCupChooseColdAndWatchItPour() {
        tap("drink-open");
        Poll.until(WAIT, "the drink screen", () -> "drink".equals(screen()));
        Poll.until(WAIT, "cold water offered with the cup in place", () -> enabled("drink-cold"));

        sim.removeCup();
        Poll.until(WAIT, "no cup: buttons off and a hint", () -> !enabled("drink-cold") && !enabled("drink-hot")
                && browser.findElement(By.id("cup-hint")).getText().contains("Đặt cốc"));
        sim.placeCup();
        Poll.until(WAIT, "cup back", () -> enabled("drink-cold"));

        tap("drink-cold");
        Poll.until(WAIT, "the pouring screen", () -> "drink-pour".equals(screen()));
        Poll.until(WAIT, "done", () -> "DONE".equals(attr("#drink-pour", "data-state")));
        assertTrue(browser.findElement(By.id("pour-text")).getText().contains("Mời lấy cốc"));
        assertEquals(120, sim.deliveredMl(), 6, "one cup of 120 ml");
        JsonNode today = api.get("/api/dispenser").body();
        assertTrue(today.path("latchedFault").isNull(), today.toString());
        tap("pour-done");
        Poll.until(WAIT, "home", () -> "home".equals(screen()));
    }

    @Test
    void aLatchedFaultShowsOnTheCounterPageWhichResetsIt() {
        sim.setFlowMlPerMinute(0);
        String id = api.post("/api/drinks", "{\"kind\": \"cold\", \"channel\": \"robot\"}").body().path("id").asText();
        Poll.until(WAIT, "the no-flow fault", () -> "FAULT".equals(api.get("/api/drinks/" + id).body().path("state").asText()));
        Poll.until(WAIT, "no drink button while out of order", () -> !browser.findElement(By.id("drink-open")).isDisplayed());

        browser.get(browser.getCurrentUrl().replaceAll("/[^/]*$", "/counter"));
        Poll.until(WAIT, "the counter page to load", () -> "true".equals(attr("body", "data-ready")));
        Poll.until(WAIT, "the fault on the counter page", () -> "no_flow".equals(attr("#dispenser-row", "data-fault")));
        sim.setFlowMlPerMinute(3000);
        tap("dispenser-reset");
        Poll.until(WAIT, "the fault cleared", () -> "".equals(attr("#dispenser-row", "data-fault")));
        assertTrue(api.get("/api/dispenser").body().path("latchedFault").isNull());
        assertEquals(202, api.post("/api/drinks", "{\"kind\": \"cold\", \"ml\": 50}").status(), "pours again");
    }

    @Test
    void hotWaterPoursOnlyAfterTheWarningIsConfirmed() {
        tap("drink-open");
        Poll.until(WAIT, "hot water offered", () -> enabled("drink-hot"));
        tap("drink-hot");
        Poll.until(WAIT, "the hot-water warning", () -> "drink-confirm".equals(screen()));
        assertFalse(sim.valveOpen(Tap.HOT), "nothing pours before the confirmation");
        assertEquals(0, sim.deliveredMl(), 0.0);
        tap("hot-cancel");
        Poll.until(WAIT, "back to the choice", () -> "drink".equals(screen()));
        Poll.until(WAIT, "hot water offered", () -> enabled("drink-hot"));
        tap("drink-hot");
        Poll.until(WAIT, "the hot-water warning", () -> "drink-confirm".equals(screen()));
        tap("hot-ok");
        Poll.until(WAIT, "the pouring screen", () -> "drink-pour".equals(screen()));
        Poll.until(WAIT, "some hot water", () -> sim.deliveredMl() > 10);
        sim.removeCup();
        Poll.until(WAIT, "stopped", () -> "STOPPED".equals(attr("#drink-pour", "data-state")));
        assertTrue(browser.findElement(By.id("pour-text")).getText().contains("cốc bị nhấc ra"),
                browser.findElement(By.id("pour-text")).getText());
        assertFalse(sim.valveOpen(Tap.HOT));
    }
}
