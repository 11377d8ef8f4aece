package vn.kiosk.console.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code --broker URL --kiosks N --site-prefix P [--events-per-second R] [--telemetry-seconds S]
 * [--seconds T] [--faults true|false]}. {@code eventsPerSecond} is the total over all kiosks; the
 * default is a ward centre's daytime rate, one event per kiosk every 30 s (one in five a cup of water).
 */
public record SimOptions(String broker, int kiosks, String sitePrefix, double eventsPerSecond, int telemetrySeconds,
                         int seconds, FaultPlan faults) {

    static final double DEFAULT_EVENTS_PER_KIOSK_SECOND = 1.0 / 30;
    private static final Set<String> KNOWN = Set.of("--broker", "--kiosks", "--site-prefix", "--events-per-second",
            "--telemetry-seconds", "--seconds", "--faults");

    public SimOptions {
        if (broker == null || !(broker.startsWith("tcp://") || broker.startsWith("ssl://"))) {
            throw new IllegalArgumentException("--broker tcp://HOST:PORT (or ssl://) is required");
        }
        if (kiosks < 1) {
            throw new IllegalArgumentException("--kiosks must be at least 1");
        }
        if (sitePrefix == null || !sitePrefix.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("--site-prefix must be 1 to 32 of A-Z a-z 0-9 _ - (it goes into topics)");
        }
        if (!(eventsPerSecond >= 0) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException("--events-per-second must be a number >= 0");
        }
        if (telemetrySeconds < 1) {
            throw new IllegalArgumentException("--telemetry-seconds must be at least 1");
        }
        if (seconds < 0) {
            throw new IllegalArgumentException("--seconds must be >= 0 (0 runs until stopped)");
        }
    }

    /** Defaults for everything but the broker and the fleet's size. */
    public static SimOptions of(String broker, int kiosks, String sitePrefix) {
        return new SimOptions(broker, kiosks, sitePrefix, kiosks * DEFAULT_EVENTS_PER_KIOSK_SECOND, 60, 0, FaultPlan.DEFAULT);
    }

    public SimOptions withEventsPerSecond(double rate) {
        return new SimOptions(broker, kiosks, sitePrefix, rate, telemetrySeconds, seconds, faults);
    }

    public SimOptions withTelemetrySeconds(int s) {
        return new SimOptions(broker, kiosks, sitePrefix, eventsPerSecond, s, seconds, faults);
    }

    public SimOptions withFaults(FaultPlan plan) {
        return new SimOptions(broker, kiosks, sitePrefix, eventsPerSecond, telemetrySeconds, seconds, plan);
    }

    /** Reads {@code --option value} pairs; what is wrong is an IllegalArgumentException naming the option. */
    public static SimOptions parse(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!KNOWN.contains(args[i])) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'; known: " + KNOWN);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            a.put(args[i], args[i + 1]);
        }
        int kiosks = integer(a, "--kiosks", -1);
        SimOptions o = of(a.get("--broker"), kiosks, a.getOrDefault("--site-prefix", "sim"));
        double rate = a.containsKey("--events-per-second") ? number(a, "--events-per-second") : o.eventsPerSecond();
        return new SimOptions(o.broker(), kiosks, o.sitePrefix(), rate, integer(a, "--telemetry-seconds", 60),
                integer(a, "--seconds", 0), bool(a, "--faults", true) ? FaultPlan.DEFAULT : FaultPlan.NONE);
    }

    /**
     * Paho's limit on QoS 1 messages awaiting PUBACK per kiosk: ten seconds of the kiosk's events on
     * top of room for status, replies and an outbox replay, so a slow broker slows the sim instead of
     * failing publishes.
     */
    int maxInflight() {
        double perKiosk = eventsPerSecond / kiosks;
        return (int) Math.min(10_000, Math.max(100, Math.ceil(perKiosk * 10) + 50));
    }

    private static int integer(Map<String, String> a, String name, int fallback) {
        String v = a.get(name);
        if (v == null) {
            if (fallback < 0) {
                throw new IllegalArgumentException(name + " is required");
            }
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }

    private static double number(Map<String, String> a, String name) {
        try {
            return Double.parseDouble(a.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + a.get(name) + "'");
        }
    }

    private static boolean bool(Map<String, String> a, String name, boolean fallback) {
        String v = a.get(name);
        if (v == null) {
            return fallback;
        }
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + v + "'");
        };
    }
}
