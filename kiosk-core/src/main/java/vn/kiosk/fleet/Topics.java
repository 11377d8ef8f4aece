package vn.kiosk.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * The command topics the kiosk subscribes to: each role's {@code cmd/{role}/{name}} for every
     * known name in both spellings ('.' and '-'), and {@code cmd/{role}/} (the empty name, answered
     * 400). Exact names, not {@code cmd/+/+}: a wildcard would let the broker forward any name a robot
     * makes up, including ones Paho cannot decode (an emoji kills its receive thread).
     */
    public List<String> commandFilters(Collection<String> roles, Collection<String> names) {
        Set<String> filters = new LinkedHashSet<>();
        for (String role : roles) {
            filters.add(base() + "cmd/" + role + "/");
            for (String name : names) {
                filters.add(base() + "cmd/" + role + "/" + name);
                filters.add(base() + "cmd/" + role + "/" + name.replace('.', '-'));
            }
        }
        return new ArrayList<>(filters);
    }

    /** The kiosk's own link check: published and heard back through the broker. */
    public String ping() {
        return base() + "ping";
    }

    public String reply(String role, String requestId) {
        return base() + "reply/" + role + "/" + requestId;
    }
}
