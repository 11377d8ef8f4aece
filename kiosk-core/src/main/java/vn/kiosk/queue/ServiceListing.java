package vn.kiosk.queue;

import java.util.List;
import vn.kiosk.config.KioskConfig.Text;
import vn.kiosk.config.ServiceIcons;

/** What robots and the touchscreen need to guide people: services with documents and counters, priorities. */
public final class ServiceListing {

    /** icon: the name of its picture on the touchscreen, /icons/{icon}.svg. */
    public record Service(String id, String prefix, Text name, List<Text> documents, List<Counter> counters, String icon) { }

    public record Counter(String id, Text name, Text location) { }

    public record Priority(String id, Text name, Integer minAge) { }

    private ServiceListing() { }

    public static List<Service> services(ServiceCatalog catalog) {
        return catalog.services().stream().map(s -> new Service(s.id(), s.prefix(), s.name(), s.documents(),
                s.counters().stream().flatMap(id -> catalog.counter(id).stream())
                        .map(c -> new Counter(c.id(), c.name(), c.location())).toList(), ServiceIcons.of(s))).toList();
    }

    public static List<Priority> priorities(ServiceCatalog catalog) {
        return catalog.priorities().stream().map(p -> new Priority(p.id(), p.name(), p.minAge())).toList();
    }
}
