package vn.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** EnvOverrides is the one list of override variables; the three places that tell people about it must agree. */
class EnvOverridesDocumentedTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Pattern VARIABLE = Pattern.compile("KIOSK_[A-Z_]+");

    @Test
    void theReadmeTableListsExactlyTheOverrides() throws IOException {
        String readme = Files.readString(REPO.resolve("README.md"));
        int start = readme.indexOf("These environment variables override single keys:");
        int end = readme.indexOf("\n\n", readme.indexOf("| variable |", start));
        assertEquals(overrides(true), variables(readme.substring(start, end)), "README.md's environment-variable table");
    }

    @Test
    void theShippedKioskYamlHeaderListsExactlyTheOverrides() throws IOException {
        StringBuilder header = new StringBuilder();
        for (String line : Files.readAllLines(REPO.resolve("config/kiosk.yaml"))) {
            if (line.startsWith("#   KIOSK_")) {
                header.append(line).append('\n');
            }
        }
        assertEquals(overrides(true), variables(header.toString()), "the comment at the top of config/kiosk.yaml");
    }

    @Test
    void theCommandLineHelpListsExactlyTheOverrides() throws IOException {
        String main = Files.readString(REPO.resolve("kiosk-core/src/main/java/vn/kiosk/app/Main.java"));
        int start = main.indexOf("Environment variables override single keys:");
        int end = main.indexOf('.', start);
        assertEquals(overrides(false), variables(main.substring(start, end)), "kiosk --help (Main.HELP)");
    }

    private static Set<String> overrides(boolean withConfigFile) {
        Set<String> names = new TreeSet<>(EnvOverrides.KEYS.keySet());
        if (withConfigFile) {
            names.add(EnvOverrides.CONFIG_FILE);
        }
        return names;
    }

    private static Set<String> variables(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }
}
