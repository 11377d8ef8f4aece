package vn.kiosk.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks between values, which no constraint on a single component can say. A component
 * marked {@code @Is(CROSS_CHECKED)} in KioskConfig has its rule here under the record type and its
 * name, run where the walker meets it; a record's rule runs after all its components.
 */
final class ConfigRules {

    private static final int MIN_TOKEN_LENGTH = 16;
    private static final int MAX_RECONNECT_MILLIS = 3_600_000;
    /** Level switches are optional hardware: bcm -1 says a tank has none. */
    private static final Set<String> MAY_BE_UNFITTED = Set.of("coldLevelLow", "hotLevelLow");

    /**
     * "Record.component" of each component rule; checkComponent's switch runs them (a switch, not a
     * map of method references: each lambda is a class made at start-up, ~1 ms on a PC).
     */
    private static final Set<String> COMPONENT_RULES = Set.of("Http.tokens", "Tokens.robot", "Tokens.counter",
            "Tokens.tech", "Tokens.manager", "NumberRange.last", "Service.counters", "Dispensing.cupMl", "Pin.bcm", "Printing.profile",
            "Scanning.dossierServiceId", "Mqtt.reconnectMaxMillis");

    private ConfigRules() { }

    static Set<String> componentsWithRules() {
        return COMPONENT_RULES;
    }

    /** @param rule "Record.component" */
    static boolean hasRule(String rule) {
        return COMPONENT_RULES.contains(rule);
    }

    /** The rule of a cross-checked component of {@code record}. */
    static void checkComponent(ConfigNode record, SchemaWalker.Component c) {
        String component = c.name();
        switch (c.rule()) {
            case "Http.tokens" -> tokensWhenNeeded(record, component);
            case "Tokens.robot", "Tokens.counter", "Tokens.tech" -> token(record, component);
            case "Tokens.manager" -> optionalToken(record, component);
            case "NumberRange.last" -> lastNumber(record, component);
            case "Service.counters" -> servingCounters(record, component);
            case "Dispensing.cupMl" -> cupVolume(record, component);
            case "Pin.bcm" -> pinLine(record, component);
            case "Printing.profile" -> printerProfile(record, component);
            case "Scanning.dossierServiceId" -> dossierService(record, component);
            case "Mqtt.reconnectMaxMillis" -> reconnectMax(record, component);
            default -> throw new IllegalStateException("ConfigRules has no rule for " + c.rule());
        }
    }

    /** The rule of the record as a whole, if it has one. */
    static void checkRecord(ConfigNode record) {
        if (record.type() == KioskConfig.OpeningHours.class) {
            closeAfterOpen(record);
        } else if (record.type() == KioskConfig.Mqtt.class) {
            certificateWithKey(record);
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
        } else if (earlierRoleHas(tokens, role, token)) {
            tokens.note(role, "(same as another role's)", "a token different from every other role's");
        }
    }

    /** A role a kiosk works without (managers read reports on the counters' or technicians' tokens too). */
    private static void optionalToken(ConfigNode tokens, String role) {
        if (!Objects.requireNonNullElse(tokens.text(role), "").isEmpty()) {
            token(tokens, role);
        }
    }

    private static boolean earlierRoleHas(ConfigNode tokens, String role, String token) {
        for (String earlier : tokens.componentNames()) {
            if (earlier.equals(role)) {
                return false;
            }
            if (token.equals(tokens.text(earlier))) {
                return true;
            }
        }
        return false;
    }

    private static void lastNumber(ConfigNode numbers, String last) {
        if (numbers.ok("first")) {
            int first = numbers.number("first");
            int value = numbers.number(last);
            if (value < first || value > numbers.max("first")) {
                numbers.bad(last, value, "a number from numbers.first (" + first + ") to " + numbers.max("first"));
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
        for (ConfigNode counter : all == null ? List.<ConfigNode>of() : all) {
            if (counter != null && counter.ok("id")) {
                known.add(counter.text("id"));
            }
        }
        for (int k = 0; k < ids.size(); k++) {
            if (!known.contains(ids.get(k))) {
                service.bad(counters, k, ids.get(k), "the id of a counter in 'counters' " + new TreeSet<>(known));
            }
        }
    }

    /** At least the smallest pour, at most what one pour of either may give. */
    private static void cupVolume(ConfigNode dispenser, String cupMl) {
        if (dispenser.ok("maxColdMl") && dispenser.ok("maxHotMl")) {
            int cup = dispenser.number(cupMl);
            int least = dispenser.min("maxColdMl");
            if (cup < least || cup > Math.min(dispenser.number("maxColdMl"), dispenser.number("maxHotMl"))) {
                dispenser.bad(cupMl, cup, "millilitres from " + least + " to the smaller of maxColdMl and maxHotMl");
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
        if (services == null || services.isEmpty()) {
            return; // nothing to refer to: 'services' has its own problem
        }
        for (ConfigNode service : services) {
            if (service != null && id.equals(service.text("id"))) {
                return;
            }
        }
        scanning.bad(serviceId, id, "the id of a service in 'services'");
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
