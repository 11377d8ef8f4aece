package vn.kiosk.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The key may be left out, null or (a text) blank: then the feature is off or a default applies,
 * and the value's other checks are skipped. Without it every key is required ("missing: this key
 * needs a value").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface Optional {
}
