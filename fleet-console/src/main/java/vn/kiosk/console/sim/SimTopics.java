package vn.kiosk.console.sim;

/** One simulated kiosk's MQTT topics, the same as a real kiosk's: {@code kiosk/{site}/{device}/...}. */
record SimTopics(String site, String device) {

    String base() {
        return "kiosk/" + site + "/" + device + "/";
    }

    String status() {
        return base() + "status";
    }

    String telemetry() {
        return base() + "telemetry";
    }

    String events() {
        return base() + "events";
    }

    /** Every technician command; the sim answers unknown names itself (403) rather than leave them unheard. */
    String techCommands() {
        return base() + "cmd/tech/+";
    }

    String techCommandPrefix() {
        return base() + "cmd/tech/";
    }

    String techReply(String requestId) {
        return base() + "reply/tech/" + requestId;
    }
}
