package vn.kiosk.hw;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a device is and how to reach it: {@code scheme:target?key=value&...}.
 * Examples: {@code sim:}, {@code serial:/dev/ttyUSB0?baud=115200}, {@code tcp://10.0.0.5:9100}.
 * Kept deliberately looser than {@link java.net.URI}: device paths such as
 * {@code /dev/input/by-id/usb-Foo_Bar-event-kbd} and camera commands are not valid URIs.
 */
public record DeviceUrl(String scheme, String target, Map<String, String> params) {

    public DeviceUrl {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Parses a device URL; the message of the exception says what is wrong with it. */
    public static DeviceUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a device URL is empty");
        }
        String s = text.strip();
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + text + "' has no scheme (expected scheme:target, e.g. sim: or serial:/dev/ttyUSB0)");
        }
        String scheme = s.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        if (!scheme.matches("[a-z][a-z0-9+.-]*")) {
            throw new IllegalArgumentException("'" + text + "' has an invalid scheme '" + scheme + "'");
        }
        String rest = s.substring(colon + 1);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("'" + text + "' has a parameter without a value: '" + pair + "' (expected key=value)");
                }
                params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return new DeviceUrl(scheme, rest, params);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public String param(String key, String fallback) {
        return params.getOrDefault(key, fallback);
    }

    public boolean isSimulated() {
        return "sim".equals(scheme);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(scheme).append(':').append(target);
        String sep = "?";
        for (var e : params.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = "&";
        }
        return b.toString();
    }
}
