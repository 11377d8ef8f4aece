package vn.kiosk.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The checks between values, which no constraint on a single component can say. A component
 * marked {@code @Is(CROSS_CHECKED)} in KioskConfig has its rule here under the record type and its
 * name, run where the walker meets it; a record's rule runs after all its components.
 */
final class ConfigRules {

    private static final int MIN_TOKEN_LENGTH = 16;
    private static final int LAST_NUMBER = 999_999;
    private static final int MIN_CUP_ML = 20;
    private static final int MAX_RECONNECT_MILLIS = 3_600_000;
    /** Level switches are optional hardware: bcm -1 says a tank has none. */
    private static final Set<String> MAY_BE_UNFITTED = Set.of("coldLevelLow", "hotLevelLow");

    private record Key(Class<?> type, String component) { }

    private static final Map<Key, BiConsumer<ConfigNode, String>> COMPONENT_RULES = Map.ofEntries(
            rule(KioskConfig.Http.class, "tokens", ConfigRules::tokensWhenNeeded),
            rule(KioskConfig.Tokens.class, "robot", ConfigRules::token),
            rule(KioskConfig.Tokens.class, "counter", ConfigRules::token),
            rule(KioskConfig.Tokens.class, "tech", ConfigRules::token),
            rule(KioskConfig.NumberRange.class, "last", ConfigRules::lastNumber),
            rule(KioskConfig.Service.class, "counters", ConfigRules::servingCounters),
            rule(KioskConfig.Dispensing.class, "cupMl", ConfigRules::cupVolume),
            rule(KioskConfig.Pin.class, "bcm", ConfigRules::pinLine),
            rule(KioskConfig.Printing.class, "profile", ConfigRules::printerProfile),
            rule(KioskConfig.Scanning.class, "dossierServiceId", ConfigRules::dossierService),
            rule(KioskConfig.Mqtt.class, "reconnectMaxMillis", ConfigRules::reconnectMax));

    private static final Map<Class<?>, Consumer<ConfigNode>> RECORD_RULES = Map.of(
            KioskConfig.OpeningHours.class, ConfigRules::closeAfterOpen,
            KioskConfig.Mqtt.class, ConfigRules::certificateWithKey);

    private ConfigRules() { }

    private static Map.Entry<Key, BiConsumer<ConfigNode, String>> rule(Class<?> type, String component,
                                                                       BiConsumer<ConfigNode, String> rule) {
        return Map.entry(new Key(type, component), rule);
    }

    /** "Type.component" of every component rule, for the test that they match the CROSS_CHECKED marks. */
    static Set<String> componentsWithRules() {
        Set<String> names = new TreeSet<>();
        COMPONENT_RULES.keySet().forEach(k -> names.add(k.type().getSimpleName() + "." + k.component()));
        return names;
    }

    static boolean hasRule(Class<?> type, String component) {
        return COMPONENT_RULES.containsKey(new Key(type, component));
    }

    /** The rule of a cross-checked component of {@code record}. */
    static void checkComponent(ConfigNode record, String component) {
        COMPONENT_RULES.get(new Key(record.type(), component)).accept(record, component);
    }

    /** The rule of the record as a whole, if it has one. */
    static void checkRecord(ConfigNode record) {
        Consumer<ConfigNode> rule = RECORD_RULES.get(record.type());
        if (rule != null) {
            rule.accept(record);
        }
    }

    /** Beyond this device (any address but a loopback one), or with localhost untrusted, every role needs a token. */
    private static boolean tokensNeeded(ConfigNode http) {
        String bind = http.text("bind");
        return bind == null || http.ok("bind") && !Check.isLoopback(bind)
                || Boolean.FALSE.equals(http.flag("trustLocalhost"));
    }

    private static void tokensWhenNeeded(ConfigNode http, String tokens) {
        if (http.child(tokens) == null && tokensNeeded(http)) {
            http.missing(tokens);
        }
    }

    /** Long enough, different from every other role's; never shown (a secret). */
    private static void token(ConfigNode tokens, String role) {
        ConfigNode http = tokens.parent();
        String token = Objects.requireNonNullElse(tokens.text(role), "");
        if (token.isEmpty()) {
            if (tokensNeeded(http)) {
                tokens.bad(role, "", "a token of at least " + MIN_TOKEN_LENGTH
                        + " characters: required because the API is reachable beyond this device (http.bind "
                        + http.text("bind") + ") or localhost is not trusted");
            }
        } else if (token.length() < MIN_TOKEN_LENGTH || token.isBlank()) {
            tokens.note(role, "(" + token.length() + " characters)", "a token of at least " + MIN_TOKEN_LENGTH + " characters");
        } else if (tokens.componentNames().stream().takeWhile(r -> !r.equals(role)).anyMatch(r -> token.equals(tokens.text(r)))) {
            tokens.note(role, "(same as another role's)", "a token different from every other role's");
        }
    }

    private static void lastNumber(ConfigNode numbers, String last) {
        if (numbers.ok("first")) {
            int first = numbers.number("first");
            int value = numbers.number(last);
            if (value < first || value > LAST_NUMBER) {
                numbers.bad(last, value, "a number from numbers.first (" + first + ") to " + LAST_NUMBER);
            }
        }
    }

    /** At least one, each the id of a counter in 'counters'. */
    private static void servingCounters(ConfigNode service, String counters) {
        List<String> ids = service.texts(counters);
        if (ids.isEmpty()) {
            service.note(counters, "[]", "at least one counter id that serves this service");
        }
        Set<String> known = new HashSet<>();
        List<ConfigNode> all = service.root().items("counters");
        if (all != null) {
            all.stream().filter(c -> c != null && c.ok("id")).forEach(c -> known.add(c.text("id")));
        }
        for (int k = 0; k < ids.size(); k++) {
            if (!known.contains(ids.get(k))) {
                service.bad(counters, k, ids.get(k), "the id of a counter in 'counters' " + new TreeSet<>(known));
            }
        }
    }

    private static void cupVolume(ConfigNode dispenser, String cupMl) {
        if (dispenser.ok("maxColdMl") && dispenser.ok("maxHotMl")) {
            int cup = dispenser.number(cupMl);
            if (cup < MIN_CUP_ML || cup > Math.min(dispenser.number("maxColdMl"), dispenser.number("maxHotMl"))) {
                dispenser.bad(cupMl, cup, "millilitres from " + MIN_CUP_ML + " to the smaller of maxColdMl and maxHotMl");
            }
        }
    }

    /** A BCM line on the header, -1 for a level switch that is not fitted, and no other pin's. */
    private static void pinLine(ConfigNode pin, String bcm) {
        int line = pin.number(bcm);
        if (!onHeader(pin, line)) {
            pin.bad(bcm, line, MAY_BE_UNFITTED.contains(pin.name())
                    ? "a BCM GPIO number from 0 to 27, or -1 when not fitted" : "a BCM GPIO number from 0 to 27");
            return;
        }
        if (line < 0) {
            return;
        }
        ConfigNode pins = pin.parent();
        for (String earlier : pins.componentNames()) {
            if (earlier.equals(pin.name())) {
                return;
            }
            ConfigNode other = pins.child(earlier);
            Integer used = other == null ? null : other.number(bcm);
            if (used != null && used == line && onHeader(other, used)) {
                pin.bad(bcm, line, "a pin of its own (BCM " + line + " is already " + earlier + ")");
                return;
            }
        }
    }

    private static boolean onHeader(ConfigNode pin, int line) {
        return line >= (MAY_BE_UNFITTED.contains(pin.name()) ? -1 : 0) && line <= 27;
    }

    private static void printerProfile(ConfigNode printing, String profile) {
        Set<String> names = printing.keys("profiles");
        String name = printing.text(profile);
        if (names != null && !names.contains(name)) {
            printing.bad(profile, name, "the name of a profile in printing.profiles " + new TreeSet<>(names));
        }
    }

    private static void dossierService(ConfigNode scanning, String serviceId) {
        String id = scanning.text(serviceId);
        List<ConfigNode> services = scanning.root().items("services");
        if (services != null && !services.isEmpty() && services.stream().noneMatch(s -> s != null && id.equals(s.text("id")))) {
            scanning.bad(serviceId, id, "the id of a service in 'services'");
        }
    }

    private static void reconnectMax(ConfigNode mqtt, String max) {
        if (mqtt.ok("reconnectMinMillis")) {
            int value = mqtt.number(max);
            if (value < mqtt.number("reconnectMinMillis") || value > MAX_RECONNECT_MILLIS) {
                mqtt.bad(max, value, "milliseconds from reconnectMinMillis to " + MAX_RECONNECT_MILLIS);
            }
        }
    }

    private static void closeAfterOpen(ConfigNode hours) {
        if (hours.ok("open") && hours.ok("close") && hours.text("close").compareTo(hours.text("open")) <= 0) {
            hours.bad("close", hours.text("close"), "a time after openingHours.open (" + hours.text("open") + ")");
        }
    }

    private static void certificateWithKey(ConfigNode mqtt) {
        String cert = mqtt.text("certFile");
        String key = mqtt.text("keyFile");
        if ((cert == null || cert.isBlank()) != (key == null || key.isBlank())) {
            mqtt.bad("keyFile", key == null ? "" : key, "certFile and keyFile set together, or neither");
        }
    }
}
