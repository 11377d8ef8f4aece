package vn.kiosk.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Checks the meaning of each value once the file has been read and bound: what KioskConfig says
 * of each component ({@link SchemaWalker}) and of values together ({@link ConfigRules}). Adds one
 * problem per fault, each naming its key and where it was written.
 */
final class ConfigValidator {

    private final SourceMap sources;
    private final List<ConfigProblem> problems;

    ConfigValidator(SourceMap sources, List<ConfigProblem> problems) {
        this.sources = sources;
        this.problems = problems;
    }

    /** @param mapper the mapper that bound the tree, to read values as it did */
    void validate(ObjectNode merged, ObjectMapper mapper) {
        new SchemaWalker(this, mapper).walk(merged);
    }

    void missing(String pointer) {
        if (!reported(pointer)) { // else the value was there but unreadable, and that is reported already
            problems.add(new ConfigProblem(ConfigPath.dotted(pointer), sources.placeOf(pointer), null, "missing: this key needs a value"));
        }
    }

    /** A bad value: text is shown in quotes, numbers as they are. */
    void bad(String pointer, Object value, String expected) {
        note(pointer, value instanceof String text ? "\"" + text + "\"" : String.valueOf(value), expected);
    }

    /** A bad value, unless the value was unreadable and that is reported already. */
    void badUnlessReported(String pointer, Object value, String expected) {
        if (!reported(pointer)) {
            bad(pointer, value, expected);
        }
    }

    /** A bad value described rather than shown (a secret, an empty list). */
    void note(String pointer, String description, String expected) {
        problem(pointer, description, "expected " + expected);
    }

    /** A bad value and what is wrong with it in full (a driver's own words). */
    void problem(String pointer, String shown, String whatIsWrong) {
        problems.add(new ConfigProblem(ConfigPath.dotted(pointer), sources.placeOf(pointer), shown, whatIsWrong));
    }

    private boolean reported(String pointer) {
        String key = ConfigPath.dotted(pointer);
        for (ConfigProblem p : problems) {
            if (p.key().equals(key)) {
                return true;
            }
        }
        return false;
    }
}
