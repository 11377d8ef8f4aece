package vn.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages' structure, read from their sources: ES modules with no inline code (no build step; a
 * library from a WebJar as a plain script file before the module),
 * one {@code $} helper, and one way to translate (the {vi, en} pairs go through lib/i18n.js only).
 */
class UiModulesTest {

    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL);
    // "vi / en" written by hand into the markup's text
    private static final Pattern BILINGUAL_TEXT = Pattern.compile(">[^<>]*\\S / \\S[^<>]*<");
    // a {vi, en} pair taken apart outside the helper (text.vi, name.en, dataset.vi)
    private static final Pattern PAIR_READ = Pattern.compile("\\.(vi|en)\\b");
    private static final Pattern DOLLAR = Pattern.compile("(const|let|var|function)\\s+\\$\\s*[=(]");

    // the sources, not target/classes: a file deleted from the sources may linger there
    private static Map<String, String> files(String ext) throws IOException {
        Path ui = Path.of("src/main/resources/ui");
        try (Stream<Path> all = Files.walk(ui)) {
            return all.filter(p -> p.toString().endsWith(ext)).collect(Collectors.toMap(
                    p -> ui.relativize(p).toString().replace('\\', '/'), p -> {
                        try {
                            return Files.readString(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        }
    }

    private static List<String> scripts(String html) {
        Matcher m = SCRIPT.matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(0));
        }
        return found;
    }

    @Test
    void everyPageLoadsOneModuleAndCarriesNoInlineCode() throws Exception {
        Map<String, String> pages = files(".html");
        assertEquals(4, pages.size(), pages.keySet().toString());
        pages.forEach((page, html) -> {
            // a library shipped in a WebJar (the reports' charts) is a file too, never inline code
            List<String> scripts = scripts(html).stream()
                    .filter(s -> !s.matches("<script src=\"/webjars/[A-Za-z0-9./-]+\\.js\"></script>")).toList();
            assertEquals(1, scripts.size(), page + ": " + scripts);
            assertTrue(scripts.get(0).matches("<script type=\"module\" src=\"/[a-z]+\\.js\"></script>"), page + ": " + scripts);
        });
    }

    @Test
    void theDollarHelperIsWrittenOnce() throws Exception {
        Map<String, String> code = new java.util.HashMap<>(files(".js"));
        code.putAll(files(".html"));   // inline scripts too
        List<String> written = code.entrySet().stream().filter(f -> DOLLAR.matcher(f.getValue()).find())
                .map(Map.Entry::getKey).sorted().toList();
        assertEquals(List.of("lib/dom.js"), written);
    }

    @Test
    void onlyTheTranslationHelperTakesAPairApart() throws Exception {
        List<String> elsewhere = files(".js").entrySet().stream()
                .filter(f -> !f.getKey().equals("lib/i18n.js") && PAIR_READ.matcher(f.getValue()).find())
                .map(f -> f.getKey() + ": " + match(PAIR_READ, f.getValue())).sorted().toList();
        assertEquals(List.of(), elsewhere);
        List<String> handWritten = files(".html").entrySet().stream()
                .filter(f -> BILINGUAL_TEXT.matcher(SCRIPT.matcher(f.getValue()).replaceAll("")).find())
                .map(f -> f.getKey() + ": " + match(BILINGUAL_TEXT, SCRIPT.matcher(f.getValue()).replaceAll(""))).sorted().toList();
        assertEquals(List.of(), handWritten, "write data-vi/data-en instead");
    }

    private static String match(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)) : "";
    }
}
