package vn.kiosk.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A value checked by one of the named {@link Check}s; the hint says what is expected instead. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface Is {
    Check value();

    String hint() default "";

    /**
     * The key may be left out, null or (a text) blank: the feature is off or a default applies, and
     * the checks are skipped. Without it the key is required ("missing: this key needs a value").
     */
    boolean optional() default false;
}
