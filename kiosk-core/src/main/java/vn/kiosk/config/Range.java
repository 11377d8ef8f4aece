package vn.kiosk.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A whole number from {@code min} to {@code max}; on a list of numbers, each element. Outside it,
 * the problem reads "value N: expected " + hint.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface Range {
    int min();

    int max();

    String hint();

    /**
     * The key may be left out, null or (a text) blank: the feature is off or a default applies, and
     * the checks are skipped. Without it the key is required ("missing: this key needs a value").
     */
    boolean optional() default false;
}
