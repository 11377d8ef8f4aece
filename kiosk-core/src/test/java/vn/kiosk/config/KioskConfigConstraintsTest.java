package vn.kiosk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A configuration key cannot be added without saying what a valid value is: every value of
 * KioskConfig, however deep, carries a constraint ({@link Range}, {@link Matches} or {@link Is}; a
 * free-form one says so with {@code @Is(FREE_FORM)}), and the cross-checked ones have a rule.
 */
class KioskConfigConstraintsTest {

    @Test
    void everyValueOfTheConfigurationHasAConstraint() {
        assertEquals(List.of(), unconstrained(KioskConfig.class, ""),
                "keys without @Range, @Matches or @Is (use @Is(FREE_FORM) for a value anything goes for)");
    }

    @Test
    void theCheckCatchesAValueWithoutAConstraint() {
        record Sample(@Range(min = 1, max = 2, hint = "1 or 2") Integer ok, Integer forgotten, List<String> names) { }
        assertEquals(List.of("forgotten", "names"), unconstrained(Sample.class, ""));
    }

    @Test
    void crossCheckedValuesAndTheRulesMatch() {
        Set<String> crossChecked = new TreeSet<>();
        collect(KioskConfig.class, crossChecked, new HashSet<>());
        assertEquals(crossChecked, ConfigRules.componentsWithRules(),
                "components marked @Is(CROSS_CHECKED) and the rules ConfigRules has");
    }

    @Test
    void aConstraintOnAValueItCannotApplyToIsRefused() {
        record TextWithRange(@Range(min = 1, max = 2, hint = "") String value) { }
        record NumberWithPattern(@Matches(regex = "a", hint = "") Integer value) { }
        record NumberAsTimeZone(@Is(Check.TIME_ZONE) Integer value) { }
        record NoRule(@Is(Check.CROSS_CHECKED) Integer value) { }
        record NotAConfigurationType(@Is(Check.REQUIRED) Long value) { }
        record TwoConstraints(@Range(min = 1, max = 2, hint = "") @Is(Check.REQUIRED) Integer value) { }
        for (Class<?> type : List.of(TextWithRange.class, NumberWithPattern.class, NumberAsTimeZone.class, NoRule.class,
                NotAConfigurationType.class, TwoConstraints.class)) {
            assertThrows(IllegalStateException.class, () -> SchemaWalker.schema(type), type.getSimpleName());
        }
    }

    @Test
    void everyRecordOfTheConfigurationReadsAsASchema() {
        Set<Class<?>> records = new HashSet<>();
        collect(KioskConfig.class, new TreeSet<>(), records);
        records.forEach(SchemaWalker::schema); // throws on a misplaced constraint
        assertTrue(records.size() > 20, records.toString());
    }

    /** Dotted keys of values (not records) below {@code type} without a constraint. */
    private static List<String> unconstrained(Class<?> type, String prefix) {
        List<String> missing = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            String key = prefix + rc.getName();
            Class<?> value = valueType(rc);
            if (value.isRecord()) {
                missing.addAll(unconstrained(value, key + "."));
            } else if (!rc.isAnnotationPresent(Range.class) && !rc.isAnnotationPresent(Matches.class)
                    && !rc.isAnnotationPresent(Is.class)) {
                missing.add(key);
            }
        }
        return missing;
    }

    private static void collect(Class<?> type, Set<String> crossChecked, Set<Class<?>> records) {
        if (!records.add(type)) {
            return;
        }
        for (RecordComponent rc : type.getRecordComponents()) {
            Is is = rc.getAnnotation(Is.class);
            if (is != null && is.value() == Check.CROSS_CHECKED) {
                crossChecked.add(type.getSimpleName() + "." + rc.getName());
            }
            if (valueType(rc).isRecord()) {
                collect(valueType(rc), crossChecked, records);
            }
        }
    }

    /** The component's type, or the element type of a list or map. */
    private static Class<?> valueType(RecordComponent rc) {
        if (rc.getGenericType() instanceof ParameterizedType p) {
            var args = p.getActualTypeArguments();
            return (Class<?>) args[args.length - 1];
        }
        return rc.getType();
    }
}
