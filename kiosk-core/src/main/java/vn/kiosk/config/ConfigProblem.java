package vn.kiosk.config;

/**
 * One thing wrong with the configuration: which key, where it is written (file and line when
 * known), the bad value, and what was expected.
 */
public record ConfigProblem(String key, String where, String value, String expected) {

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (where != null && !where.isEmpty()) {
            b.append(where).append(": ");
        }
        b.append(key.isEmpty() ? "(top level)" : key).append(": ");
        if (value != null) {
            b.append("value ").append(value).append(": ");
        }
        return b.append(expected).toString();
    }
}
