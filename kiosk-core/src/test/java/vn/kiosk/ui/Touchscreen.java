package vn.kiosk.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Browser;
import vn.kiosk.testing.Chromium;
import vn.kiosk.testing.RunningKiosk;

/** Drives the citizen touchscreen in a test's Chromium and measures what a citizen would see. */
final class Touchscreen {

    static final Duration WAIT = Duration.ofSeconds(10);

    /** The screens the touchscreen must fit, as CSS px: the official 7" panel first, then HDMI monitors, one portrait. */
    static final List<int[]> SIZES = List.of(new int[] {800, 480}, new int[] {1024, 600}, new int[] {1280, 800},
            new int[] {1920, 1080}, new int[] {1080, 1920});

    /** Twelve services with the long names real centres use (they must wrap, never be cut). */
    static final String TWELVE_SERVICES = """
            services:
              - { id: civil-status, prefix: A, name: { vi: "Đăng ký khai sinh, kết hôn, khai tử và các việc hộ tịch khác", en: "Birth, marriage, death and other civil-status registration" }, numbers: { first: 1, last: 999 }, documents: [ { vi: "Căn cước hoặc CCCD của người yêu cầu", en: "ID card of the applicant" }, { vi: "Tờ khai theo mẫu (có tại quầy)", en: "Application form (at the counter)" }, { vi: "Giấy chứng sinh hoặc giấy báo tử (nếu có)", en: "Birth or death notice (if any)" } ], counters: ["1", "2"] }
              - { id: civil-extract, prefix: B, name: { vi: "Cấp bản sao trích lục hộ tịch", en: "Civil-status extract copies" }, numbers: { first: 1, last: 999 }, documents: [ { vi: "Căn cước hoặc CCCD", en: "ID card" } ], counters: ["1", "2"] }
              - { id: marital-status, prefix: C, name: { vi: "Xác nhận tình trạng hôn nhân", en: "Marital status certificate" }, numbers: { first: 1, last: 999 }, documents: [ { vi: "Căn cước hoặc CCCD", en: "ID card" } ], counters: ["2"] }
              - { id: certification, prefix: D, name: { vi: "Chứng thực bản sao từ bản chính, chữ ký và hợp đồng, giao dịch", en: "Certified copies, signatures, contracts and transactions" }, numbers: { first: 1, last: 999 }, documents: [ { vi: "Bản chính giấy tờ cần chứng thực", en: "Originals" } ], counters: ["3"] }
              - { id: land, prefix: E, name: { vi: "Đăng ký biến động đất đai, cấp giấy chứng nhận quyền sử dụng đất", en: "Land changes and land-use right certificates" }, numbers: { first: 1, last: 999 }, documents: [ { vi: "Giấy chứng nhận quyền sử dụng đất (bản chính)", en: "Land-use right certificate (original)" }, { vi: "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", en: "Registration form for changes of land and attached assets" }, { vi: "Căn cước hoặc CCCD của người sử dụng đất", en: "ID card of the land user" }, { vi: "Hợp đồng chuyển nhượng đã công chứng (nếu có)", en: "Notarised transfer contract (if any)" } ], counters: ["4"] }
              - { id: building-permit, prefix: F, name: { vi: "Cấp giấy phép xây dựng nhà ở riêng lẻ", en: "House building permit" }, numbers: { first: 1, last: 999 }, documents: [ { vi: "Bản vẽ thiết kế (2 bộ)", en: "Design drawings (2 sets)" } ], counters: ["4"] }
              - { id: business-household, prefix: G, name: { vi: "Đăng ký thành lập và thay đổi hộ kinh doanh", en: "Business household registration and changes" }, numbers: { first: 1, last: 999 }, documents: [ { vi: "Giấy đề nghị đăng ký hộ kinh doanh", en: "Registration request" } ], counters: ["3"] }
              - { id: social-allowance, prefix: H, name: { vi: "Trợ cấp bảo trợ xã hội cho người cao tuổi, người khuyết tật", en: "Social allowances for the elderly and people with disabilities" }, numbers: { first: 1, last: 999 }, documents: [ { vi: "Tờ khai đề nghị trợ cấp", en: "Allowance application" } ], counters: ["5"] }
              - { id: return-results, prefix: K, name: { vi: "Trả kết quả giải quyết thủ tục hành chính", en: "Return of results" }, numbers: { first: 1, last: 999 }, documents: [ { vi: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", en: "Dossier receipt" } ], counters: ["5"] }
              - { id: online-help, prefix: L, name: { vi: "Hỗ trợ nộp hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia", en: "Help filing online on the National Public Service Portal" }, numbers: { first: 1, last: 999 }, documents: [ { vi: "Điện thoại có cài VNeID (nếu có)", en: "Phone with VNeID (if any)" } ], counters: ["5"] }
              - { id: residence, prefix: M, name: { vi: "Đăng ký thường trú, tạm trú và thông báo lưu trú", en: "Permanent and temporary residence registration" }, numbers: { first: 1, last: 999 }, documents: [ { vi: "Tờ khai thay đổi thông tin cư trú", en: "Residence change form" } ], counters: ["2"] }
              - { id: child-insurance, prefix: N, icon: health, name: { vi: "Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", en: "Health insurance cards for children under 6" }, numbers: { first: 1, last: 999 }, documents: [ { vi: "Giấy khai sinh của trẻ", en: "The child's birth certificate" } ], counters: ["1"] }
            """;

    /**
     * Everything that would make a citizen scroll or miss something on the screen shown now: the page
     * taller or wider than the viewport, a button outside it or smaller than 15 mm on the 7" panel
     * (78 CSS px at 800×480, scaled by the viewport's short side), text cut by its box.
     */
    private static final String PROBLEMS = """
            const vw = innerWidth, vh = innerHeight, need = 78 * Math.min(vw, vh) / 480, problems = [];
            const page = document.scrollingElement;
            if (page.scrollHeight > vh) problems.push('the page is ' + page.scrollHeight + ' px tall on a ' + vh + ' px screen');
            if (page.scrollWidth > vw) problems.push('the page is ' + page.scrollWidth + ' px wide on a ' + vw + ' px screen');
            const name = e => e.id || (e.dataset && (e.dataset.serviceId || e.dataset.priority))
                || e.tagName.toLowerCase() + ' "' + e.textContent.trim().slice(0, 30) + '"';
            for (const b of document.querySelectorAll('button')) {
              if (!b.checkVisibility()) continue;
              const r = b.getBoundingClientRect();
              if (r.top < -0.5 || r.left < -0.5 || r.bottom > vh + 0.5 || r.right > vw + 0.5)
                problems.push(name(b) + ' is not fully on screen: ' + JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round)));
              if (r.width < need - 0.5 || r.height < need - 0.5)
                problems.push(name(b) + ' is ' + Math.round(r.width) + '×' + Math.round(r.height) + ' px, under ' + Math.round(need) + ' px (15 mm)');
            }
            // every box holds its content: text that spills out is cut (overflow hidden) or overlaps what follows
            for (const e of document.querySelectorAll('header, header *, #tools, #tools *, .screen.active, .screen.active *')) {
              if (!e.checkVisibility() || ['IMG', 'PROGRESS', 'svg'].includes(e.tagName)) continue;
              const s = getComputedStyle(e);
              if (s.display === 'inline' || s.display === 'contents') continue;
              if (s.textOverflow === 'ellipsis') problems.push(name(e) + ' cuts its text with an ellipsis');
              if (e.scrollHeight > e.clientHeight + 1)
                problems.push(name(e) + ' spills: ' + e.scrollHeight + ' px of content in ' + e.clientHeight + ' px');
              if (e.scrollWidth > e.clientWidth + 1)
                problems.push(name(e) + ' spills: ' + e.scrollWidth + ' px wide in ' + e.clientWidth + ' px');
            }
            return problems;
            """;

    private final ChromeDriver browser;
    private final String base;

    /**
     * A test's touchscreen: the kiosk started with {@code yaml}, its Chromium opened on the official
     * 7" panel (800×480); the page is not loaded yet ({@link #open}).
     */
    static Touchscreen onThePanel(RunningKiosk kiosk, Chromium chromium, String yaml) throws Exception {
        kiosk.start(yaml);
        Touchscreen screen = new Touchscreen(chromium.open(800, 480), kiosk.base());
        screen.size(800, 480);
        return screen;
    }

    ChromeDriver browser() {
        return browser;
    }

    Touchscreen(ChromeDriver browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    /** The viewport exactly w×h CSS px at device pixel ratio 1, whatever the window's decorations. */
    void size(int w, int h) {
        Browser.viewport(browser, w, h);
    }

    void open() {
        browser.get(base + "/");
        Poll.until(WAIT, "the touchscreen to load", () -> "true".equals(attr("body", "data-ready")));
    }

    String attr(String css, String name) {
        return browser.findElement(By.cssSelector(css)).getDomAttribute(name);
    }

    String screen() {
        return attr("body", "data-screen");
    }

    void tap(String id) {
        browser.findElement(By.id(id)).click();
    }

    void chooseService(String id) {
        browser.findElement(By.cssSelector("#services button[data-service-id='" + id + "']")).click();
        Poll.until(WAIT, "the confirm screen", () -> "confirm".equals(screen()));
    }

    /** From the confirm screen: takes the number and waits for the ticket screen. */
    String takeNumber() {
        tap("take");
        Poll.until(WAIT, "the ticket screen", () -> "ticket".equals(screen()));
        return attr("#ticket", "data-ticket-id");
    }

    void home() {
        tap("done");
        Poll.until(WAIT, "the start screen", () -> "home".equals(screen()));
    }

    List<String> problems() {
        @SuppressWarnings("unchecked")
        List<Object> found = (List<Object>) browser.executeScript(PROBLEMS);
        List<String> out = new ArrayList<>();
        found.forEach(p -> out.add(String.valueOf(p)));
        return out;
    }

    double number(String script, Object... args) {
        return ((Number) browser.executeScript(script, args)).doubleValue();
    }

    /** The computed font size of the first element matching css, in CSS px. */
    double fontSize(String css) {
        return number("return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize)", css);
    }
}
