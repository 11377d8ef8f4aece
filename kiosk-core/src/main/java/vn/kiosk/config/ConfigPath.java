package vn.kiosk.config;

import com.fasterxml.jackson.core.JsonStreamContext;

/** Converts between the dotted key names people read ({@code services[2].prefix}) and JSON pointers. */
final class ConfigPath {

    private ConfigPath() { }

    static String dotted(String pointer) {
        StringBuilder b = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                b.append('[').append(part).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return b.toString();
    }

    static String pointer(JsonStreamContext context) {
        return context == null ? "" : context.pathAsPointer().toString();
    }
}
