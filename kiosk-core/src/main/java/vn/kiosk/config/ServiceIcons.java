package vn.kiosk.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service icons shipped with the touchscreen (ui/icons/NAME.svg, no CDN) and the one a service
 * shows: its {@code icon} in kiosk.yaml, else the usual one for its id, else a generic ticket.
 */
public final class ServiceIcons {

    public static final String DEFAULT = "service";
    public static final Set<String> NAMES = Set.of(DEFAULT, "family", "extract", "rings", "stamp", "land", "house",
            "shop", "care", "results", "online", "residence", "health", "id-card");
    private static final Map<String, String> BY_SERVICE_ID = Map.ofEntries(
            Map.entry("civil-status", "family"), Map.entry("civil-extract", "extract"),
            Map.entry("marital-status", "rings"), Map.entry("certification", "stamp"), Map.entry("land", "land"),
            Map.entry("building-permit", "house"), Map.entry("business-household", "shop"),
            Map.entry("social-allowance", "care"), Map.entry("return-results", "results"),
            Map.entry("online-help", "online"), Map.entry("residence", "residence"),
            Map.entry("health-insurance", "health"), Map.entry("identity", "id-card"));

    private ServiceIcons() { }

    public static String of(KioskConfig.Service service) {
        if (service.icon() != null) {
            return service.icon();
        }
        return BY_SERVICE_ID.getOrDefault(service.id(), DEFAULT);
    }

    /** For the configuration's error message. */
    static String choices() {
        return String.join(", ", new TreeSet<>(NAMES));
    }
}
