package vn.kiosk.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text the whole of which matches {@code regex} (also a choice: "a|b|c"); on a list of texts,
 * each element. Otherwise the problem reads "value \"…\": expected " + hint.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface Matches {
    String regex();

    String hint();

    /**
     * When not empty: the value must differ from the same component of every earlier element of
     * the list this record is in (ids, ticket prefixes); this is the hint when it does not.
     */
    String unique() default "";

    /**
     * The key may be left out, null or (a text) blank: the feature is off or a default applies, and
     * the checks are skipped. Without it the key is required ("missing: this key needs a value").
     */
    boolean optional() default false;
}
