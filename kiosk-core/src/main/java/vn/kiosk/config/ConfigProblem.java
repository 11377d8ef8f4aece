package vn.kiosk.config;

/**
 * One thing wrong with the configuration: which key, where it is written (file and line when
 * known), the bad value, and what was expected.
 */
public record ConfigProblem(String key, String where, String value, String expected) {

    private static final int MAX_SHOWN = 80;

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (where != null && !where.isEmpty()) {
            b.append(where).append(": ");
        }
        b.append(key.isEmpty() ? "(top level)" : key).append(": ");
        if (value != null) {
            b.append("value ").append(shortened(value)).append(": ");
        }
        return b.append(expected).toString();
    }

    /** A long bad value is shown by its start and length: enough to find it, not a flood (in a log or a reply). */
    private static String shortened(String value) {
        if (value.length() <= MAX_SHOWN) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(MAX_SHOWN - 1)) ? MAX_SHOWN - 1 : MAX_SHOWN;
        return value.substring(0, end) + "… (" + value.length() + " characters)";
    }
}
