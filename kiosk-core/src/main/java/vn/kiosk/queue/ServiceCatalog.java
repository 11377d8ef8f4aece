package vn.kiosk.queue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.kiosk.config.KioskConfig;

/** The services, counters and priority categories of this centre, looked up by id. */
public final class ServiceCatalog {

    private final Map<String, KioskConfig.Service> services = new LinkedHashMap<>();
    private final Map<String, KioskConfig.Counter> counters = new LinkedHashMap<>();
    private final Map<String, KioskConfig.PriorityCategory> priorities = new LinkedHashMap<>();

    public ServiceCatalog(KioskConfig config) {
        config.services().forEach(s -> services.put(s.id(), s));
        config.counters().forEach(c -> counters.put(c.id(), c));
        config.priorities().forEach(p -> priorities.put(p.id(), p));
    }

    public List<KioskConfig.Service> services() {
        return List.copyOf(services.values());
    }

    public List<KioskConfig.Counter> counters() {
        return List.copyOf(counters.values());
    }

    public List<KioskConfig.PriorityCategory> priorities() {
        return List.copyOf(priorities.values());
    }

    public Optional<KioskConfig.Service> service(String id) {
        return Optional.ofNullable(id == null ? null : services.get(id));
    }

    public Optional<KioskConfig.Counter> counter(String id) {
        return Optional.ofNullable(id == null ? null : counters.get(id));
    }

    public Optional<KioskConfig.PriorityCategory> priority(String id) {
        return Optional.ofNullable(id == null ? null : priorities.get(id));
    }

    public boolean hasPriority(String id) {
        return priorities.containsKey(id);
    }

    /** Ids of the services a counter serves, in catalogue order. */
    public List<String> servicesOf(String counterId) {
        return services.values().stream().filter(s -> s.counters().contains(counterId)).map(KioskConfig.Service::id).toList();
    }
}
