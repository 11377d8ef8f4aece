package vn.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Accessibility;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.Browser;
import vn.kiosk.testing.Chromium;
import vn.kiosk.testing.RunningKiosk;

/** The managers' reports page in a real headless Chromium: its figures and five charts, without a console error. */
class ReportsPageBrowserTest {

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    @RegisterExtension
    final Chromium chromium = new Chromium(kiosk);

    @Test
    void showsTheDaysFiguresAndDrawsEveryChartWithoutAConsoleError() throws Exception {
        kiosk.start("{}");
        Api api = kiosk.api();
        for (String service : List.of("land", "land", "civil-status")) {
            assertEquals(201, api.post("/api/tickets", "{\"serviceId\": \"" + service + "\", \"waitForPrint\": false}").status());
        }
        assertEquals(200, api.post("/api/counters/4/next", "{}").status());
        assertEquals(200, api.post("/api/counters/4/next", "{}").status()); // completes the first land ticket
        ChromeDriver page = chromium.open(1280, 900);
        page.get(kiosk.base() + "/reports");
        Poll.until(Duration.ofSeconds(10), "the report shown", () -> "true".equals(page.findElement(By.tagName("body"))
                .getDomAttribute("data-ready")));
        List<String> totals = page.findElements(By.cssSelector("#totals dd")).stream().map(e -> e.getText()).toList();
        assertEquals("3", totals.get(0), "issued: " + totals);
        assertEquals("1", totals.get(1), "served: " + totals);
        assertEquals(5, page.findElements(By.cssSelector(".chart .uplot canvas")).size(), "one canvas per chart");
        assertTrue(page.findElement(By.cssSelector("#services tbody")).getText().contains("Đất đai"));
        assertEquals(List.of(), Browser.consoleErrors(page));
        if (Accessibility.installed()) {
            assertEquals(List.of(), Accessibility.blockingViolations(page));
        }
    }
}
