package vn.kiosk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * An axe-core scan of the page a real browser shows, against WCAG 2.1 A and AA. axe-core comes from
 * the npm registry (kiosk-core/src/test/npm, installed by scripts/test), is injected into the page
 * under test, and never ships with the kiosk.
 */
public final class Accessibility {

    /** Where scripts/test's {@code npm ci} puts axe-core (the tests run with kiosk-core as working directory). */
    public static final Path AXE = Path.of("src/test/npm/node_modules/axe-core/axe.min.js");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Accessibility() { }

    public static boolean installed() {
        return Files.isReadable(AXE);
    }

    /** The serious and critical violations on the current page, one line each (rule, help, the elements); empty when none. */
    public static List<String> blockingViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        try {
            js.executeScript(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is not installed at " + AXE.toAbsolutePath() + " (run scripts/test)", e);
        }
        Object raw = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify({error: String(e)})));
                """);
        JsonNode violations;
        try {
            violations = JSON.readTree(String.valueOf(raw));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core answered something that is not JSON: " + raw, e);
        }
        if (violations.has("error")) {
            throw new IllegalStateException("axe-core failed on " + driver.getCurrentUrl() + ": " + violations.get("error"));
        }
        List<String> blocking = new ArrayList<>();
        for (JsonNode v : violations) {
            if (!BLOCKING.contains(v.path("impact").asText())) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
            blocking.add(v.path("impact").asText() + " " + v.path("id").asText() + ": " + v.path("help").asText()
                    + " at " + targets);
        }
        return blocking;
    }
}
