package vn.kiosk.console;

import java.util.Map;
import vn.kiosk.db.PostgresUrl;

/**
 * {@code kiosk fleet --broker URL --db postgresql://… [--http-port 8090] [--bind ADDR]} (and
 * --zone for local days, default Asia/Ho_Chi_Minh; --telemetry-days to keep, default 90;
 * --command-timeout seconds, default 10; --client-id, default kiosk-fleet-console; --webhook URL
 * for alert notifications; --ca-file, --cert-file, --key-file: PEM files for an ssl:// broker, as the
 * kiosk's) and the
 * environment: FLEET_TECH_TOKEN (at least 16 characters: the technicians' bearer token),
 * FLEET_MQTT_USERNAME / FLEET_MQTT_PASSWORD (the console's broker account), FLEET_DB_PASSWORD_FILE.
 */
public record ConsoleOptions(String broker, PostgresUrl db, int httpPort, String bind, String techToken, String mqttUser,
                             String mqttPassword, String clientId, int commandTimeoutSeconds, String zone, int telemetryDays, String webhook, java.nio.file.Path caFile,
                             java.nio.file.Path certFile, java.nio.file.Path keyFile) {

    static final int MIN_TOKEN = 16;

    /** Reads the options; what is wrong is an IllegalArgumentException naming the option. */
    public static ConsoleOptions parse(Map<String, String> args, Map<String, String> env) {
        String broker = args.get("--broker");
        if (broker == null || !(broker.startsWith("tcp://") || broker.startsWith("ssl://"))) {
            throw new IllegalArgumentException("--broker tcp://HOST:PORT (or ssl://) is required");
        }
        String db = args.get("--db");
        if (db == null) {
            throw new IllegalArgumentException("--db postgresql://HOST:PORT/DB?user=NAME is required");
        }
        PostgresUrl url;
        try {
            url = PostgresUrl.parse(db, env.get("FLEET_DB_PASSWORD_FILE"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--db: " + e.getMessage());
        }
        int port;
        try {
            port = Integer.parseInt(args.getOrDefault("--http-port", "8090"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--http-port must be a port number, got '" + args.get("--http-port") + "'");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--http-port must be a port number from 0 to 65535");
        }
        String token = env.getOrDefault("FLEET_TECH_TOKEN", "");
        if (token.strip().length() < MIN_TOKEN) {
            throw new IllegalArgumentException("FLEET_TECH_TOKEN must be set to a secret of at least " + MIN_TOKEN
                    + " characters (the technicians' bearer token)");
        }
        return new ConsoleOptions(broker, url, port, args.getOrDefault("--bind", "127.0.0.1"), token.strip(),
                env.get("FLEET_MQTT_USERNAME"), env.get("FLEET_MQTT_PASSWORD"),
                args.getOrDefault("--client-id", "kiosk-fleet-console"),
                Integer.parseInt(args.getOrDefault("--command-timeout", "10")),
                java.time.ZoneId.of(args.getOrDefault("--zone", "Asia/Ho_Chi_Minh")).getId(),
                Integer.parseInt(args.getOrDefault("--telemetry-days", "90")), args.get("--webhook"),
                file(args, "--ca-file"), file(args, "--cert-file"), file(args, "--key-file"));
    }

    /** A PEM file for TLS to the broker, as the kiosk's mqtt.caFile, certFile and keyFile; it must be readable. */
    private static java.nio.file.Path file(Map<String, String> args, String option) {
        String v = args.get(option);
        if (v == null || v.isBlank()) {
            return null;
        }
        java.nio.file.Path p = java.nio.file.Path.of(v);
        if (!java.nio.file.Files.isReadable(p)) {
            throw new IllegalArgumentException(option + " " + v + " is not a readable file");
        }
        return p;
    }
}
