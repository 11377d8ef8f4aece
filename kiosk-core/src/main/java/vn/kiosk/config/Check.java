package vn.kiosk.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import vn.kiosk.hw.DeviceUrl;
import vn.kiosk.hw.catalog.DeviceKinds;

/** The checks {@link Is} names: the ones a range or a pattern cannot say. */
enum Check {

    /** Present; its type (true or false, say) is all there is to check. */
    REQUIRED,
    /** Anything, or nothing: a user name, a password. */
    FREE_FORM,
    /** A text a person reads: present and not blank (a blank one counts as missing). */
    TEXT,
    /** Present and not blank; a blank one is shown as the bad value. */
    NOT_BLANK,
    /** A list with at least one element; an empty one is shown as []. */
    NOT_EMPTY,
    /** Checked against other values by {@link ConfigRules}, under the component's name. */
    CROSS_CHECKED,
    /** An IANA time zone id. */
    TIME_ZONE,
    /** An address to listen on, written as an IP address (or localhost). */
    IP_ADDRESS,
    /** A DS18B20's w1_slave file; Ds18b20 expands a '*' only in the sensor's directory name (28-*). */
    W1_SLAVE_PATH,
    /** A regular file that exists. */
    EXISTING_FILE,
    /** A file this process can read. */
    READABLE_FILE,
    /** What the ticket's QR code holds: not blank, braces only around {ticketId}, {number}, {site}, {device}. */
    QR_TEMPLATE,
    /** An MQTT broker: tcp://host:port or ssl://host:port. */
    BROKER_URL,
    /**
     * A device URL for the kind of device the component is named after (printer, scanner,
     * dispenser), as its drivers accept it; they say what is wrong (hw.catalog.DeviceKinds).
     */
    DEVICE_URL,
    /** One of the icons shipped with the touchscreen ({@link ServiceIcons}). */
    SERVICE_ICON,
    /** Where the queue is kept: sqlite, or a postgresql:// URL that {@link vn.kiosk.db.PostgresUrl} reads. */
    QUEUE_STORE,
    /** FIRST-LAST, two whole numbers up to 999999 with FIRST <= LAST. */
    ISLAND_RANGE;

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9a-fA-F:]+]?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(ticketId|number|site|device)}");

    /** What is wrong with a present text value of the component {@code name}, or null when nothing is. */
    String problem(String value, String name, String hint) {
        if (this == DEVICE_URL) {
            return deviceProblem(value, name);
        }
        if (this == SERVICE_ICON) {
            return ServiceIcons.NAMES.contains(value) ? null : "expected one of the icons shipped with the touchscreen: "
                    + ServiceIcons.choices() + " (or no icon key for the usual one)";
        }
        if (this == QUEUE_STORE) {
            return queueStoreProblem(value, hint);
        }
        boolean ok = switch (this) {
            case NOT_BLANK -> !value.isBlank();
            case TIME_ZONE -> isTimeZone(value);
            case IP_ADDRESS -> isLoopback(value) || IPV4.matcher(value).matches() || IPV6.matcher(value).matches();
            case W1_SLAVE_PATH -> globOnlyInDirectory(value);
            case EXISTING_FILE -> isFile(value, false);
            case READABLE_FILE -> isFile(value, true);
            case QR_TEMPLATE -> onlyPlaceholders(value);
            case BROKER_URL -> isBroker(value);
            case ISLAND_RANGE -> isRange(value);
            default -> true;
        };
        return ok ? null : "expected " + hint;
    }

    /** A bad value as a problem shows it: a password in a site queue URL is never repeated. */
    String shown(String value) {
        return this == QUEUE_STORE ? value.replaceAll("(?i)(password=)[^&]*", "$1***") : value;
    }

    private static String queueStoreProblem(String value, String hint) {
        if (value.equals("sqlite")) {
            return null;
        }
        if (!vn.kiosk.db.PostgresUrl.isPostgres(value)) {
            return "expected " + hint;
        }
        try {
            vn.kiosk.db.PostgresUrl.parse(value, null);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static boolean isRange(String value) {
        var m = Pattern.compile("\\s*(\\d{1,6})\\s*-\\s*(\\d{1,6})\\s*").matcher(value);
        return m.matches() && Integer.parseInt(m.group(1)) <= Integer.parseInt(m.group(2));
    }

    static boolean isLoopback(String bind) {
        return bind.equals("localhost") || bind.startsWith("127.") || bind.equals("::1") || bind.equals("[::1]");
    }

    private static boolean isTimeZone(String id) {
        try {
            ZoneId.of(id);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean globOnlyInDirectory(String file) {
        if (!file.contains("*")) {
            return true;
        }
        Path p = Path.of(file.replace("*", "_"));
        int star = file.indexOf('*');
        Path dir = p.getParent();
        return dir != null && dir.getParent() != null && star > dir.getParent().toString().length()
                && star < dir.toString().length() && file.indexOf('*', dir.toString().length()) < 0;
    }

    private static boolean onlyPlaceholders(String qr) {
        String rest = PLACEHOLDER.matcher(qr).replaceAll("");
        return !qr.isBlank() && !rest.contains("{") && !rest.contains("}");
    }

    private static boolean isFile(String path, boolean readable) {
        try {
            return readable ? Files.isReadable(Path.of(path)) : Files.isRegularFile(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean isBroker(String url) {
        try {
            URI uri = URI.create(url);
            return Set.of("tcp", "ssl").contains(String.valueOf(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The drivers' own words for what is wrong with a device URL, or null. */
    private static String deviceProblem(String url, String kind) {
        try {
            DeviceUrl parsed = DeviceUrl.parse(url);
            Set<String> schemes = DeviceKinds.schemes(kind);
            if (!schemes.contains(parsed.scheme())) {
                return "expected a " + kind + " URL with one of the schemes " + new TreeSet<>(schemes) + " (or empty for none)";
            }
            DeviceKinds.validate(kind, parsed);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
