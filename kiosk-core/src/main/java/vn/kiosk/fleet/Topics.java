package vn.kiosk.fleet;

/** The kiosk's MQTT topics, all under {@code kiosk/{site}/{device}/}. */
public record Topics(String site, String device) {

    public static final String ROOT = "kiosk";

    public String base() {
        return ROOT + "/" + site + "/" + device + "/";
    }

    public String status() {
        return base() + "status";
    }

    public String telemetry() {
        return base() + "telemetry";
    }

    public String events() {
        return base() + "events";
    }

    /** Every command: cmd/{role}/{name}. */
    public String commands() {
        return base() + "cmd/+/+";
    }

    public String reply(String role, String requestId) {
        return base() + "reply/" + role + "/" + requestId;
    }
}
