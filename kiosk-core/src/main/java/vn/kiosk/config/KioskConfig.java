package vn.kiosk.config;

import static vn.kiosk.config.Check.BROKER_URL;
import static vn.kiosk.config.Check.CROSS_CHECKED;
import static vn.kiosk.config.Check.DEVICE_URL;
import static vn.kiosk.config.Check.EXISTING_FILE;
import static vn.kiosk.config.Check.FREE_FORM;
import static vn.kiosk.config.Check.IP_ADDRESS;
import static vn.kiosk.config.Check.ISLAND_RANGE;
import static vn.kiosk.config.Check.NOT_BLANK;
import static vn.kiosk.config.Check.NOT_EMPTY;
import static vn.kiosk.config.Check.QR_TEMPLATE;
import static vn.kiosk.config.Check.QUEUE_STORE;
import static vn.kiosk.config.Check.READABLE_FILE;
import static vn.kiosk.config.Check.REQUIRED;
import static vn.kiosk.config.Check.SERVICE_ICON;
import static vn.kiosk.config.Check.TEXT;
import static vn.kiosk.config.Check.TIME_ZONE;
import static vn.kiosk.config.Check.W1_SLAVE_PATH;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The kiosk's whole configuration, as read from kiosk.yaml (see config/kiosk.yaml for what each
 * key means). Instances are only made by {@link ConfigLoader}, which has validated every value.
 *
 * <p>What a valid value is, is written here, on each component: {@link Range}, {@link Matches} or
 * {@link Is} (a key is required unless it says {@code optional = true}). {@link SchemaWalker} checks
 * the configuration against them; {@link ConfigRules} holds the checks between values: those of the
 * components marked {@code @Is(CROSS_CHECKED)}, and two of whole records (opening hours close after
 * they open; an MQTT client certificate comes with its key).
 */
public record KioskConfig(
        Site site,
        DeviceId device,
        @Is(value = TIME_ZONE, hint = "an IANA time zone such as Asia/Ho_Chi_Minh") String timeZone,
        BusinessDay businessDay,
        @Is(value = NOT_BLANK, hint = "a directory path") String dataDir,
        Http http,
        Queue queue,
        List<PriorityCategory> priorities,
        @Is(value = NOT_EMPTY, hint = "at least one counter") List<Counter> counters,
        @Is(value = NOT_EMPTY, hint = "at least one service") List<Service> services,
        Devices devices,
        Dispensing dispenser,
        Printing printing,
        Scanning scanning,
        OpeningHours openingHours,
        Ui ui,
        Mqtt mqtt) {

    private static final String NAME_ID = "[a-z0-9][a-z0-9_-]{0,63}";
    private static final String NAME_ID_HINT = "lower-case letters, digits, '-' or '_' (at most 64)";
    private static final String SERVICE_ID = "[a-z][a-z0-9-]{0,39}";
    private static final String HHMM = "([01]\\d|2[0-3]):[0-5]\\d";
    /** A closing time may also be the end of the day, for a centre (or a robot) that serves around the clock. */
    private static final String CLOSE = HHMM + "|24:00";

    public record Text(@Is(TEXT) String vi, @Is(TEXT) String en) { }

    public record Site(@Matches(regex = NAME_ID, hint = NAME_ID_HINT) String id, Text name) { }

    public record DeviceId(@Matches(regex = NAME_ID, hint = NAME_ID_HINT) String id) { }

    public record BusinessDay(@Matches(regex = HHMM, hint = "a local time HH:mm, e.g. \"04:00\"") String resetAt) { }

    public record Http(
            @Is(value = IP_ADDRESS, hint = "an IP address to listen on: 127.0.0.1 (this device only) or e.g. 0.0.0.0 (the LAN)")
            String bind,
            @Range(min = 1, max = 65535, hint = "a TCP port from 1 to 65535") Integer port,
            @Is(REQUIRED) Boolean trustLocalhost,
            /* required when the API is reachable beyond this device or localhost is not trusted */
            @Is(value = CROSS_CHECKED, optional = true) Tokens tokens,
            @Range(min = 1, max = 1000, hint = "a number of streams from 1 to 1000") Integer maxEventStreams) { }

    /** Bearer tokens per role: at least 16 characters, each different, when they are needed (an empty one: none). */
    public record Tokens(
            @Is(value = CROSS_CHECKED, optional = true) String robot,
            @Is(value = CROSS_CHECKED, optional = true) String counter,
            @Is(value = CROSS_CHECKED, optional = true) String tech,
            /* the centre's managers (reports); never required: empty = no manager access from the LAN */
            @Is(value = CROSS_CHECKED, optional = true) String manager) { }

    public record Queue(
            @Range(min = 1, max = 100, hint = "a whole number from 1 to 100") Integer maxPriorityInRow,
            @Range(min = 1, max = 240, hint = "minutes from 1 to 240") Integer defaultServiceMinutes,
            @Range(min = 1, max = 1000, hint = "a whole number from 1 to 1000") Integer estimateSamples,
            /* sqlite (this kiosk's own file) or the site's PostgreSQL shared by its kiosks */
            @Is(value = QUEUE_STORE, hint = "sqlite, or postgresql://HOST:PORT/DB?user=NAME[&password=SECRET]") String store,
            @Is(value = READABLE_FILE, hint = "a readable file holding the site database's password, or empty",
                    optional = true) String passwordFile,
            Island island) { }

    /** This kiosk's own numbers while the site queue's server is away; each kiosk of a site has its own. */
    public record Island(
            @Is(value = ISLAND_RANGE, hint = "FIRST-LAST such as 800-899, or empty for none", optional = true) String range) { }

    public record PriorityCategory(
            @Matches(regex = SERVICE_ID, hint = "a lower-case id such as elderly", unique = "a priority id used only once")
            String id,
            Text name,
            @Range(min = 1, max = 120, hint = "an age from 1 to 120", optional = true) Integer minAge) { }

    public record Counter(
            @Matches(regex = "[A-Za-z0-9][A-Za-z0-9-]{0,15}", hint = "letters, digits or '-' (at most 16), e.g. \"3\"",
                    unique = "a counter id used only once")
            String id,
            Text name,
            Text location) { }

    /** The ticket numbers of a business day; last is at least first. */
    public record NumberRange(
            @Range(min = 0, max = 999_999, hint = "a number from 0 to 999999") Integer first,
            @Is(CROSS_CHECKED) Integer last) { }

    public record Service(
            @Matches(regex = SERVICE_ID, hint = "a lower-case id such as civil-status", unique = "a service id used only once")
            String id,
            @Matches(regex = "[A-Z]{1,3}", hint = "1 to 3 capital letters A-Z",
                    unique = "a prefix no other service uses (numbers must never repeat in a day)")
            String prefix,
            Text name,
            NumberRange numbers,
            List<Text> documents,
            /* at least one, each the id of a counter in 'counters' */
            @Is(CROSS_CHECKED) List<String> counters,
            /* one of the icons shipped with the touchscreen (ServiceIcons), or none for the usual one for the id */
            @Is(value = SERVICE_ICON, optional = true) String icon) { }

    /** One URL per device; empty: this kiosk has no such device. */
    public record Devices(
            @Is(value = DEVICE_URL, optional = true) String printer,
            @Is(value = DEVICE_URL, optional = true) String scanner,
            @Is(value = DEVICE_URL, optional = true) String dispenser) { }

    /** The drink dispenser's wiring and limits (devices.dispenser says whether there is one). */
    public record Dispensing(
            Pins pins,
            @Is(value = W1_SLAVE_PATH,
                    hint = "a w1_slave path; only its directory may be a glob, e.g. /sys/bus/w1/devices/28-*/w1_slave")
            String temperatureFile,
            @Range(min = 1, max = 3600, hint = "seconds from 1 to 3600") Integer temperatureSeconds,
            @Range(min = 50, max = 20_000, hint = "flow-meter pulses per litre from 50 to 20000 (YF-S201: about 450)")
            Integer pulsesPerLitre,
            /* from 20 ml to the smaller of maxColdMl and maxHotMl */
            @Is(CROSS_CHECKED) Integer cupMl,
            @Range(min = 20, max = 2000, hint = "millilitres from 20 to 2000") Integer maxColdMl,
            @Range(min = 20, max = 2000, hint = "millilitres from 20 to 2000") Integer maxHotMl,
            @Range(min = 100, max = 60_000, hint = "milliseconds from 100 to 60000") Integer noFlowMillis,
            @Range(min = 50, max = 20_000, hint = "ml per minute from 50 to 20000") Integer minFlowMlPerMinute,
            @Range(min = 2, max = 500, hint = "millilitres from 2 to 500") Integer overrunMl) { }

    public record Pins(Pin coldValve, Pin hotValve, Pin flowMeter, Pin cupSensor, Pin coldLevelLow, Pin hotLevelLow) { }

    /** A BCM line; bcm -1 = not fitted (level switches only); no two pins share a line. */
    public record Pin(
            @Is(CROSS_CHECKED) Integer bcm,
            @Is(REQUIRED) Boolean activeHigh,
            @Range(min = 0, max = 1000, hint = "milliseconds from 0 to 1000", optional = true) Integer debounceMillis) { }

    /** The fleet link; certFile and keyFile are set together or not at all. */
    public record Mqtt(
            @Is(value = BROKER_URL, hint = "tcp://host:port or ssl://host:port, or empty for no broker", optional = true) String url,
            @Matches(regex = "(?s).{0,64}", hint = "at most 64 characters", optional = true) String clientId,
            @Is(FREE_FORM) String username,
            @Is(FREE_FORM) String password,
            @Is(value = READABLE_FILE, hint = "a readable PEM file, or empty", optional = true) String caFile,
            @Is(value = READABLE_FILE, hint = "a readable PEM file, or empty", optional = true) String certFile,
            @Is(value = READABLE_FILE, hint = "a readable PEM file, or empty", optional = true) String keyFile,
            @Range(min = 5, max = 3600, hint = "seconds from 5 to 3600") Integer keepAliveSeconds,
            @Range(min = 1, max = 120, hint = "seconds from 1 to 120") Integer connectTimeoutSeconds,
            @Range(min = 1, max = 86_400, hint = "seconds from 1 to 86400") Integer telemetrySeconds,
            @Range(min = 1, max = 600_000, hint = "milliseconds from 1 to 600000") Integer reconnectMinMillis,
            /* from reconnectMinMillis to 3600000 */
            @Is(CROSS_CHECKED) Integer reconnectMaxMillis,
            Backlog backlog) { }

    public record Backlog(
            @Range(min = 100, max = 10_000_000, hint = "a count from 100 to 10000000") Integer maxEvents,
            @Range(min = 100_000, max = 2_000_000_000, hint = "bytes from 100000 to 2000000000") Integer maxBytes) { }

    /** When citizens are served; close is after open ("24:00": until midnight). */
    public record OpeningHours(
            @Range(min = 1, max = 7, hint = "a day from 1 (Monday) to 7 (Sunday)") List<Integer> days,
            @Matches(regex = HHMM, hint = "a local time HH:mm, e.g. \"07:00\"") String open,
            @Matches(regex = CLOSE, hint = "a local time HH:mm, e.g. \"17:00\", or \"24:00\" for midnight") String close) { }

    public record Ui(@Range(min = 5, max = 600, hint = "seconds from 5 to 600") Integer idleSeconds) { }

    public record Scanning(
            @Range(min = 0, max = 600_000, hint = "milliseconds from 0 to 600000") Integer dedupeMillis,
            @Range(min = 64, max = 8192, hint = "characters from 64 to 8192") Integer maxLength,
            @Range(min = 5, max = 3600, hint = "seconds from 5 to 3600") Integer sessionIdleSeconds,
            /* the id of a service in 'services' */
            @Is(CROSS_CHECKED) String dossierServiceId) { }

    /** Which printer model (a profile's name), the profiles, and the ticket. */
    public record Printing(
            /* the name of a profile in 'profiles' */
            @Is(CROSS_CHECKED) String profile,
            Map<String, PrinterProfileConfig> profiles,
            @Is(value = EXISTING_FILE,
                    hint = "the path of a TrueType font file that exists, or empty for the system's DejaVu Sans", optional = true)
            String font,
            @Range(min = 0, max = 10_000, hint = "milliseconds from 0 to 10000") Integer waitMillis,
            @Range(min = 200, max = 60_000, hint = "milliseconds from 200 to 60000") Integer statusPollMillis,
            TicketLayout ticket) { }

    public record PrinterProfileConfig(
            @Range(min = 200, max = 1000, hint = "dots across the paper: 576 for 80 mm, 384 for 58 mm") Integer paperWidthDots,
            @Is(REQUIRED) Boolean nativeQr,
            @Range(min = 0, max = 255, hint = "the printer's code table number for CP1258, 0 to 255") Integer codePage,
            @Matches(regex = "cp1258|raster|ascii", hint = "cp1258, raster or ascii") String textMode) { }

    public record TicketLayout(
            @Is(value = QR_TEMPLATE, hint = "a text with the placeholders {ticketId}, {number}, {site}, {device} only")
            String qr,
            Text footer,
            @Is(REQUIRED) Boolean english) { }

    /** The same configuration, open every day all day (the demo, so it can be tried at any hour). */
    public KioskConfig alwaysOpen() {
        return new KioskConfig(site, device, timeZone, businessDay, dataDir, http, queue, priorities, counters, services,
                devices, dispenser, printing, scanning, new OpeningHours(List.of(1, 2, 3, 4, 5, 6, 7), "00:00", "24:00"), ui, mqtt);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public LocalTime businessDayStart() {
        return LocalTime.parse(businessDay.resetAt());
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }
}
