package vn.kiosk.config;

import java.net.URI;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.kiosk.hw.DeviceUrl;
import vn.kiosk.hw.catalog.DeviceKinds;

/** Checks the meaning of each value once the file has been read; adds one problem per fault. */
final class ConfigValidator {

    private static final Pattern NAME_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern SERVICE_ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern COUNTER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,15}");
    private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,3}");
    private static final Pattern HHMM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final int MIN_TOKEN_LENGTH = 16;

    private final SourceMap sources;
    private final List<ConfigProblem> problems;

    ConfigValidator(SourceMap sources, List<ConfigProblem> problems) {
        this.sources = sources;
        this.problems = problems;
    }

    void validate(KioskConfig c) {
        if (present(c.site(), "/site")) {
            matches(c.site().id(), "/site/id", NAME_ID, "lower-case letters, digits, '-' or '_' (at most 64)");
            text(c.site().name(), "/site/name");
        }
        if (present(c.device(), "/device")) {
            matches(c.device().id(), "/device/id", NAME_ID, "lower-case letters, digits, '-' or '_' (at most 64)");
        }
        if (present(c.timeZone(), "/timeZone")) {
            try {
                ZoneId.of(c.timeZone());
            } catch (RuntimeException e) {
                bad("/timeZone", c.timeZone(), "an IANA time zone such as Asia/Ho_Chi_Minh");
            }
        }
        if (present(c.businessDay(), "/businessDay")) {
            matches(c.businessDay().resetAt(), "/businessDay/resetAt", HHMM, "a local time HH:mm, e.g. \"04:00\"");
        }
        if (present(c.dataDir(), "/dataDir") && c.dataDir().isBlank()) {
            bad("/dataDir", c.dataDir(), "a directory path");
        }
        validateHttp(c.http());
        validateQueue(c.queue());
        Set<String> counterIds = validateCounters(c.counters());
        validatePriorities(c.priorities());
        validateServices(c.services(), counterIds);
        validateDevices(c.devices());
        validateDispenser(c.dispenser());
        validatePrinting(c.printing());
        validateScanning(c.scanning(), c.services());
        if (present(c.openingHours(), "/openingHours")) {
            KioskConfig.OpeningHours h = c.openingHours();
            if (present(h.days(), "/openingHours/days")) {
                for (int i = 0; i < h.days().size(); i++) {
                    Integer d = h.days().get(i);
                    if (d == null || d < 1 || d > 7) {
                        bad("/openingHours/days/" + i, d, "a day from 1 (Monday) to 7 (Sunday)");
                    }
                }
            }
            boolean times = matches(h.open(), "/openingHours/open", HHMM, "a local time HH:mm, e.g. \"07:00\"")
                    & matches(h.close(), "/openingHours/close", HHMM, "a local time HH:mm, e.g. \"17:00\"");
            if (times && h.close().compareTo(h.open()) <= 0) {
                bad("/openingHours/close", h.close(), "a time after openingHours.open (" + h.open() + ")");
            }
        }
        if (present(c.ui(), "/ui") && present(c.ui().idleSeconds(), "/ui/idleSeconds")) {
            range(c.ui().idleSeconds(), "/ui/idleSeconds", 5, 600, "seconds from 5 to 600");
        }
        validateMqtt(c.mqtt());
    }

    private void validateHttp(KioskConfig.Http http) {
        if (!present(http, "/http")) {
            return;
        }
        boolean loopback = false;
        if (present(http.bind(), "/http/bind")) {
            loopback = isLoopback(http.bind());
            if (!loopback && !isAddressLiteral(http.bind())) {
                bad("/http/bind", http.bind(), "an IP address to listen on: 127.0.0.1 (this device only) or e.g. 0.0.0.0 (the LAN)");
                loopback = true; // already reported; do not also demand tokens
            }
        }
        if (present(http.port(), "/http/port")) {
            range(http.port(), "/http/port", 1, 65535, "a TCP port from 1 to 65535");
        }
        present(http.trustLocalhost(), "/http/trustLocalhost");
        if (present(http.maxEventStreams(), "/http/maxEventStreams")) {
            range(http.maxEventStreams(), "/http/maxEventStreams", 1, 1000, "a number of streams from 1 to 1000");
        }
        KioskConfig.Tokens t = http.tokens();
        boolean tokensNeeded = !loopback || Boolean.FALSE.equals(http.trustLocalhost());
        if (t == null) {
            if (tokensNeeded) {
                missing("/http/tokens");
            }
            return;
        }
        Set<String> seen = new HashSet<>();
        for (var role : List.of(new String[] {"robot", t.robot()}, new String[] {"counter", t.counter()},
                new String[] {"tech", t.tech()})) {
            String pointer = "/http/tokens/" + role[0];
            String token = role[1] == null ? "" : role[1];
            if (token.isEmpty()) {
                if (tokensNeeded) {
                    bad(pointer, "", "a token of at least " + MIN_TOKEN_LENGTH
                            + " characters: required because the API is reachable beyond this device (http.bind "
                            + http.bind() + ") or localhost is not trusted");
                }
            } else if (token.length() < MIN_TOKEN_LENGTH || token.isBlank()) {
                note(pointer, "(" + token.length() + " characters)", "a token of at least " + MIN_TOKEN_LENGTH + " characters");
            } else if (!seen.add(token)) {
                note(pointer, "(same as another role's)", "a token different from every other role's");
            }
        }
    }

    private void validateQueue(KioskConfig.Queue q) {
        if (!present(q, "/queue")) {
            return;
        }
        if (present(q.maxPriorityInRow(), "/queue/maxPriorityInRow")) {
            range(q.maxPriorityInRow(), "/queue/maxPriorityInRow", 1, 100, "a whole number from 1 to 100");
        }
        if (present(q.defaultServiceMinutes(), "/queue/defaultServiceMinutes")) {
            range(q.defaultServiceMinutes(), "/queue/defaultServiceMinutes", 1, 240, "minutes from 1 to 240");
        }
        if (present(q.estimateSamples(), "/queue/estimateSamples")) {
            range(q.estimateSamples(), "/queue/estimateSamples", 1, 1000, "a whole number from 1 to 1000");
        }
    }

    private Set<String> validateCounters(List<KioskConfig.Counter> counters) {
        Set<String> ids = new HashSet<>();
        if (!present(counters, "/counters")) {
            return ids;
        }
        if (counters.isEmpty()) {
            note("/counters", "[]", "at least one counter");
        }
        for (int i = 0; i < counters.size(); i++) {
            String at = "/counters/" + i;
            KioskConfig.Counter c = counters.get(i);
            if (!present(c, at)) {
                continue;
            }
            if (matches(c.id(), at + "/id", COUNTER_ID, "letters, digits or '-' (at most 16), e.g. \"3\"")
                    && !ids.add(c.id())) {
                bad(at + "/id", c.id(), "a counter id used only once");
            }
            text(c.name(), at + "/name");
            text(c.location(), at + "/location");
        }
        return ids;
    }

    private void validatePriorities(List<KioskConfig.PriorityCategory> priorities) {
        if (!present(priorities, "/priorities")) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < priorities.size(); i++) {
            String at = "/priorities/" + i;
            KioskConfig.PriorityCategory p = priorities.get(i);
            if (!present(p, at)) {
                continue;
            }
            if (matches(p.id(), at + "/id", SERVICE_ID, "a lower-case id such as elderly") && !ids.add(p.id())) {
                bad(at + "/id", p.id(), "a priority id used only once");
            }
            text(p.name(), at + "/name");
            if (p.minAge() != null) {
                range(p.minAge(), at + "/minAge", 1, 120, "an age from 1 to 120");
            }
        }
    }

    private void validateServices(List<KioskConfig.Service> services, Set<String> counterIds) {
        if (!present(services, "/services")) {
            return;
        }
        if (services.isEmpty()) {
            note("/services", "[]", "at least one service");
        }
        Set<String> ids = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            String at = "/services/" + i;
            KioskConfig.Service s = services.get(i);
            if (!present(s, at)) {
                continue;
            }
            if (matches(s.id(), at + "/id", SERVICE_ID, "a lower-case id such as civil-status") && !ids.add(s.id())) {
                bad(at + "/id", s.id(), "a service id used only once");
            }
            if (matches(s.prefix(), at + "/prefix", PREFIX, "1 to 3 capital letters A-Z") && !prefixes.add(s.prefix())) {
                bad(at + "/prefix", s.prefix(), "a prefix no other service uses (numbers must never repeat in a day)");
            }
            text(s.name(), at + "/name");
            if (s.icon() != null && !ServiceIcons.NAMES.contains(s.icon())) {
                bad(at + "/icon", s.icon(), "one of the icons shipped with the touchscreen: " + ServiceIcons.choices()
                        + " (or no icon key for the usual one)");
            }
            if (present(s.numbers(), at + "/numbers")) {
                KioskConfig.NumberRange r = s.numbers();
                boolean firstOk = present(r.first(), at + "/numbers/first")
                        && range(r.first(), at + "/numbers/first", 0, 999_999, "a number from 0 to 999999");
                if (present(r.last(), at + "/numbers/last") && firstOk) {
                    range(r.last(), at + "/numbers/last", r.first(), 999_999, "a number from numbers.first (" + r.first() + ") to 999999");
                }
            }
            if (present(s.documents(), at + "/documents")) {
                for (int d = 0; d < s.documents().size(); d++) {
                    text(s.documents().get(d), at + "/documents/" + d);
                }
            }
            if (present(s.counters(), at + "/counters")) {
                if (s.counters().isEmpty()) {
                    note(at + "/counters", "[]", "at least one counter id that serves this service");
                }
                for (int k = 0; k < s.counters().size(); k++) {
                    String id = s.counters().get(k);
                    if (!counterIds.contains(id)) {
                        bad(at + "/counters/" + k, id, "the id of a counter in 'counters' " + new java.util.TreeSet<>(counterIds));
                    }
                }
            }
        }
    }

    private void validateDevices(KioskConfig.Devices d) {
        if (!present(d, "/devices")) {
            return;
        }
        device("printer", d.printer());
        device("scanner", d.scanner());
        device("dispenser", d.dispenser());
    }

    private void device(String kind, String url) {
        String pointer = "/devices/" + kind;
        if (url == null || url.isBlank()) {
            return; // this kiosk has no such device
        }
        try {
            DeviceUrl parsed = DeviceUrl.parse(url);
            Set<String> schemes = DeviceKinds.schemes(kind);
            if (!schemes.contains(parsed.scheme())) {
                bad(pointer, url, "a " + kind + " URL with one of the schemes " + new java.util.TreeSet<>(schemes)
                        + " (or empty for none)");
            } else {
                DeviceKinds.validate(kind, parsed);
            }
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(ConfigPath.dotted(pointer), sources.placeOf(pointer), "\"" + url + "\"", e.getMessage()));
        }
    }

    private void validateDispenser(KioskConfig.Dispensing d) {
        if (!present(d, "/dispenser")) {
            return;
        }
        if (present(d.pins(), "/dispenser/pins")) {
            KioskConfig.Pins p = d.pins();
            java.util.Map<Integer, String> used = new java.util.HashMap<>();
            pin(p.coldValve(), "coldValve", false, used);
            pin(p.hotValve(), "hotValve", false, used);
            pin(p.flowMeter(), "flowMeter", false, used);
            pin(p.cupSensor(), "cupSensor", false, used);
            pin(p.coldLevelLow(), "coldLevelLow", true, used);
            pin(p.hotLevelLow(), "hotLevelLow", true, used);
        }
        if (present(d.temperatureFile(), "/dispenser/temperatureFile") && !globOnlyInDirectory(d.temperatureFile())) {
            bad("/dispenser/temperatureFile", d.temperatureFile(), "a w1_slave path; only its directory may be a glob, e.g. /sys/bus/w1/devices/28-*/w1_slave");
        }
        if (present(d.temperatureSeconds(), "/dispenser/temperatureSeconds")) {
            range(d.temperatureSeconds(), "/dispenser/temperatureSeconds", 1, 3600, "seconds from 1 to 3600");
        }
        if (present(d.pulsesPerLitre(), "/dispenser/pulsesPerLitre")) {
            range(d.pulsesPerLitre(), "/dispenser/pulsesPerLitre", 50, 20_000, "flow-meter pulses per litre from 50 to 20000 (YF-S201: about 450)");
        }
        boolean cold = present(d.maxColdMl(), "/dispenser/maxColdMl")
                && range(d.maxColdMl(), "/dispenser/maxColdMl", 20, 2000, "millilitres from 20 to 2000");
        boolean hot = present(d.maxHotMl(), "/dispenser/maxHotMl")
                && range(d.maxHotMl(), "/dispenser/maxHotMl", 20, 2000, "millilitres from 20 to 2000");
        if (present(d.cupMl(), "/dispenser/cupMl") && cold && hot) {
            range(d.cupMl(), "/dispenser/cupMl", 20, Math.min(d.maxColdMl(), d.maxHotMl()),
                    "millilitres from 20 to the smaller of maxColdMl and maxHotMl");
        }
        if (present(d.noFlowMillis(), "/dispenser/noFlowMillis")) {
            range(d.noFlowMillis(), "/dispenser/noFlowMillis", 100, 60_000, "milliseconds from 100 to 60000");
        }
        if (present(d.minFlowMlPerMinute(), "/dispenser/minFlowMlPerMinute")) {
            range(d.minFlowMlPerMinute(), "/dispenser/minFlowMlPerMinute", 50, 20_000, "ml per minute from 50 to 20000");
        }
        if (present(d.overrunMl(), "/dispenser/overrunMl")) {
            range(d.overrunMl(), "/dispenser/overrunMl", 2, 500, "millilitres from 2 to 500");
        }
    }

    /** Ds18b20 expands a '*' only in the sensor's directory name (28-*), not elsewhere. */
    private static boolean globOnlyInDirectory(String file) {
        if (!file.contains("*")) {
            return true;
        }
        java.nio.file.Path p = java.nio.file.Path.of(file.replace("*", "_"));
        int star = file.indexOf('*');
        java.nio.file.Path dir = p.getParent();
        return dir != null && dir.getParent() != null && star > dir.getParent().toString().length()
                && star < dir.toString().length() && file.indexOf('*', dir.toString().length()) < 0;
    }

    private void pin(KioskConfig.Pin pin, String name, boolean optional, java.util.Map<Integer, String> used) {
        String at = "/dispenser/pins/" + name;
        if (!present(pin, at)) {
            return;
        }
        if (present(pin.bcm(), at + "/bcm")) {
            int min = optional ? -1 : 0;
            if (range(pin.bcm(), at + "/bcm", min, 27, optional ? "a BCM GPIO number from 0 to 27, or -1 when not fitted"
                    : "a BCM GPIO number from 0 to 27") && pin.bcm() >= 0) {
                String other = used.putIfAbsent(pin.bcm(), name);
                if (other != null) {
                    bad(at + "/bcm", pin.bcm(), "a pin of its own (BCM " + pin.bcm() + " is already " + other + ")");
                }
            }
        }
        present(pin.activeHigh(), at + "/activeHigh");
        if (pin.debounceMillis() != null) {
            range(pin.debounceMillis(), at + "/debounceMillis", 0, 1000, "milliseconds from 0 to 1000");
        }
    }

    private void validatePrinting(KioskConfig.Printing p) {
        if (!present(p, "/printing")) {
            return;
        }
        if (present(p.profiles(), "/printing/profiles")) {
            p.profiles().forEach((name, profile) -> {
                String at = "/printing/profiles/" + name;
                if (!present(profile, at)) {
                    return;
                }
                if (present(profile.paperWidthDots(), at + "/paperWidthDots")) {
                    range(profile.paperWidthDots(), at + "/paperWidthDots", 200, 1000, "dots across the paper: 576 for 80 mm, 384 for 58 mm");
                }
                present(profile.nativeQr(), at + "/nativeQr");
                if (present(profile.codePage(), at + "/codePage")) {
                    range(profile.codePage(), at + "/codePage", 0, 255, "the printer's code table number for CP1258, 0 to 255");
                }
                if (present(profile.textMode(), at + "/textMode") && !Set.of("cp1258", "raster", "ascii").contains(profile.textMode())) {
                    bad(at + "/textMode", profile.textMode(), "cp1258, raster or ascii");
                }
            });
            if (present(p.profile(), "/printing/profile") && !p.profiles().containsKey(p.profile())) {
                bad("/printing/profile", p.profile(), "the name of a profile in printing.profiles " + new java.util.TreeSet<>(p.profiles().keySet()));
            }
        }
        if (p.font() != null && !p.font().isBlank() && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(p.font()))) {
            bad("/printing/font", p.font(), "the path of a TrueType font file that exists, or empty for the system's DejaVu Sans");
        }
        if (present(p.waitMillis(), "/printing/waitMillis")) {
            range(p.waitMillis(), "/printing/waitMillis", 0, 10_000, "milliseconds from 0 to 10000");
        }
        if (present(p.statusPollMillis(), "/printing/statusPollMillis")) {
            range(p.statusPollMillis(), "/printing/statusPollMillis", 200, 60_000, "milliseconds from 200 to 60000");
        }
        if (present(p.ticket(), "/printing/ticket")) {
            if (present(p.ticket().qr(), "/printing/ticket/qr")) {
                String unknown = p.ticket().qr().replaceAll("\\{(ticketId|number|site|device)}", "");
                if (p.ticket().qr().isBlank() || unknown.contains("{") || unknown.contains("}")) {
                    bad("/printing/ticket/qr", p.ticket().qr(), "a text with the placeholders {ticketId}, {number}, {site}, {device} only");
                }
            }
            text(p.ticket().footer(), "/printing/ticket/footer");
            present(p.ticket().english(), "/printing/ticket/english");
        }
    }

    private void validateScanning(KioskConfig.Scanning s, List<KioskConfig.Service> services) {
        if (!present(s, "/scanning")) {
            return;
        }
        if (present(s.dedupeMillis(), "/scanning/dedupeMillis")) {
            range(s.dedupeMillis(), "/scanning/dedupeMillis", 0, 600_000, "milliseconds from 0 to 600000");
        }
        if (present(s.maxLength(), "/scanning/maxLength")) {
            range(s.maxLength(), "/scanning/maxLength", 64, 8192, "characters from 64 to 8192");
        }
        if (present(s.sessionIdleSeconds(), "/scanning/sessionIdleSeconds")) {
            range(s.sessionIdleSeconds(), "/scanning/sessionIdleSeconds", 5, 3600, "seconds from 5 to 3600");
        }
        if (present(s.dossierServiceId(), "/scanning/dossierServiceId") && services != null && !services.isEmpty()
                && services.stream().noneMatch(x -> x != null && s.dossierServiceId().equals(x.id()))) {
            bad("/scanning/dossierServiceId", s.dossierServiceId(), "the id of a service in 'services'");
        }
    }

    private void validateMqtt(KioskConfig.Mqtt m) {
        if (!present(m, "/mqtt")) {
            return;
        }
        if (m.url() != null && !m.url().isBlank()) {
            validateBrokerUrl(m.url());
        }
        if (m.clientId() != null && m.clientId().length() > 64) {
            bad("/mqtt/clientId", m.clientId(), "at most 64 characters");
        }
        for (String key : new String[] {"caFile", "certFile", "keyFile"}) {
            String file = switch (key) {
                case "caFile" -> m.caFile();
                case "certFile" -> m.certFile();
                default -> m.keyFile();
            };
            if (file != null && !file.isBlank() && !java.nio.file.Files.isReadable(java.nio.file.Path.of(file))) {
                bad("/mqtt/" + key, file, "a readable PEM file, or empty");
            }
        }
        if ((m.certFile() == null || m.certFile().isBlank()) != (m.keyFile() == null || m.keyFile().isBlank())) {
            bad("/mqtt/keyFile", m.keyFile() == null ? "" : m.keyFile(), "certFile and keyFile set together, or neither");
        }
        if (present(m.keepAliveSeconds(), "/mqtt/keepAliveSeconds")) {
            range(m.keepAliveSeconds(), "/mqtt/keepAliveSeconds", 5, 3600, "seconds from 5 to 3600");
        }
        if (present(m.telemetrySeconds(), "/mqtt/telemetrySeconds")) {
            range(m.telemetrySeconds(), "/mqtt/telemetrySeconds", 1, 86_400, "seconds from 1 to 86400");
        }
        if (present(m.reconnectMinMillis(), "/mqtt/reconnectMinMillis")
                && range(m.reconnectMinMillis(), "/mqtt/reconnectMinMillis", 1, 600_000, "milliseconds from 1 to 600000")
                && present(m.reconnectMaxMillis(), "/mqtt/reconnectMaxMillis")) {
            range(m.reconnectMaxMillis(), "/mqtt/reconnectMaxMillis", m.reconnectMinMillis(), 3_600_000,
                    "milliseconds from reconnectMinMillis to 3600000");
        }
        if (present(m.backlog(), "/mqtt/backlog")) {
            if (present(m.backlog().maxEvents(), "/mqtt/backlog/maxEvents")) {
                range(m.backlog().maxEvents(), "/mqtt/backlog/maxEvents", 100, 10_000_000, "a count from 100 to 10000000");
            }
            if (present(m.backlog().maxBytes(), "/mqtt/backlog/maxBytes")) {
                range(m.backlog().maxBytes(), "/mqtt/backlog/maxBytes", 100_000, 2_000_000_000, "bytes from 100000 to 2000000000");
            }
        }
    }

    private void validateBrokerUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (!Set.of("tcp", "ssl").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                bad("/mqtt/url", url, "tcp://host:port or ssl://host:port, or empty for no broker");
            }
        } catch (IllegalArgumentException e) {
            bad("/mqtt/url", url, "tcp://host:port or ssl://host:port, or empty for no broker");
        }
    }

    static boolean isLoopback(String bind) {
        return bind.equals("localhost") || bind.startsWith("127.") || bind.equals("::1") || bind.equals("[::1]");
    }

    private static boolean isAddressLiteral(String s) {
        return s.matches("(\\d{1,3}\\.){3}\\d{1,3}") || s.matches("\\[?[0-9a-fA-F:]+]?");
    }

    private void text(KioskConfig.Text t, String at) {
        if (present(t, at)) {
            if (t.vi() == null || t.vi().isBlank()) {
                missing(at + "/vi");
            }
            if (t.en() == null || t.en().isBlank()) {
                missing(at + "/en");
            }
        }
    }

    private boolean matches(String value, String pointer, Pattern pattern, String expected) {
        if (!present(value, pointer)) {
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            bad(pointer, value, expected);
            return false;
        }
        return true;
    }

    private boolean range(int value, String pointer, int min, int max, String expected) {
        if (value < min || value > max) {
            bad(pointer, value, expected);
            return false;
        }
        return true;
    }

    private boolean present(Object value, String pointer) {
        if (value == null) {
            missing(pointer);
            return false;
        }
        return true;
    }

    private void missing(String pointer) {
        String key = ConfigPath.dotted(pointer);
        if (problems.stream().anyMatch(p -> p.key().equals(key))) {
            return; // the value was there but unreadable, and that is reported already
        }
        problems.add(new ConfigProblem(ConfigPath.dotted(pointer), sources.placeOf(pointer), null, "missing: this key needs a value"));
    }

    /** A bad value: text is shown in quotes, numbers as they are. */
    private void bad(String pointer, Object value, String expected) {
        note(pointer, value instanceof String text ? "\"" + text + "\"" : String.valueOf(value), expected);
    }

    /** A bad value described rather than shown (a secret, an empty list). */
    private void note(String pointer, String description, String expected) {
        problems.add(new ConfigProblem(ConfigPath.dotted(pointer), sources.placeOf(pointer), description, "expected " + expected));
    }
}
