package vn.kiosk.reports;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.queue.Channel;
import vn.kiosk.queue.ServiceCatalog;
import vn.kiosk.queue.TicketRecord;
import vn.kiosk.queue.TicketStatus;

/** Counts and durations of the tickets of a period, one ticket at a time (a 90-day report streams them). */
final class ReportTally {

    /** What is counted of one service, counter or day. */
    private static final class Group {
        long issued;
        long served;
        long noShow;
        final Durations waits = new Durations();
        final Durations services = new Durations();
    }

    /** "regular" in the priorities: tickets without a priority category. */
    static final String REGULAR = "regular";

    private final ServiceCatalog catalog;
    private final ZoneId zone;
    private final Map<String, Group> byIssuedOrLastService = new LinkedHashMap<>();
    private final Map<String, Group> byCounter = new LinkedHashMap<>();
    private final Map<LocalDate, Group> byDay = new TreeMap<>();
    private final Group all = new Group();
    private final long[] hours = new long[24];
    private final Map<String, Long> channels = new LinkedHashMap<>();
    private final Map<String, Long> priorities = new LinkedHashMap<>();
    private long called;

    ReportTally(ServiceCatalog catalog, ZoneId zone) {
        this.catalog = catalog;
        this.zone = zone;
        catalog.services().forEach(s -> byIssuedOrLastService.put(s.id(), new Group()));
        catalog.counters().forEach(c -> byCounter.put(c.id(), new Group()));
        for (Channel ch : Channel.values()) {
            channels.put(ch.id(), 0L);
        }
        catalog.priorities().forEach(p -> priorities.put(p.id(), 0L));
        priorities.put(REGULAR, 0L);
    }

    void add(TicketRecord t) {
        Group issuedIn = service(t.issuedServiceId());
        Group endedIn = service(t.serviceId());
        Group day = byDay.computeIfAbsent(t.businessDay(), d -> new Group());
        issuedIn.issued++;
        day.issued++;
        all.issued++;
        hours[t.issuedAt().atZone(zone).getHour()]++;
        channels.merge(t.channel().id(), 1L, Long::sum);
        priorities.merge(t.priority() == null ? REGULAR : t.priority(), 1L, Long::sum);
        if (t.firstCalledAt() != null) {
            long wait = Duration.between(t.issuedAt(), t.firstCalledAt()).toMillis();
            issuedIn.waits.add(wait);
            day.waits.add(wait);
            all.waits.add(wait);
            called++;
        }
        if (t.status() == TicketStatus.COMPLETED) {
            Group counter = t.counterId() == null ? null : byCounter.computeIfAbsent(t.counterId(), k -> new Group());
            endedIn.served++;
            day.served++;
            all.served++;
            if (counter != null) {
                counter.served++;
            }
            if (t.serviceStartedAt() != null && t.finishedAt() != null) {
                long service = Duration.between(t.serviceStartedAt(), t.finishedAt()).toMillis();
                endedIn.services.add(service);
                all.services.add(service);
                if (counter != null) {
                    counter.services.add(service);
                }
            }
        } else if (t.status() == TicketStatus.NO_SHOW) {
            endedIn.noShow++;
            day.noShow++;
            all.noShow++;
        }
    }

    private Group service(String id) {
        return byIssuedOrLastService.computeIfAbsent(id, k -> new Group()); // a service since removed from the file
    }

    Summary summary(ReportPeriod period, List<Summary.DrinkDay> drinks) {
        List<Summary.ServiceFigures> services = new ArrayList<>();
        byIssuedOrLastService.forEach((id, g) -> services.add(new Summary.ServiceFigures(id,
                catalog.service(id).map(KioskConfig.Service::prefix).orElse(null),
                catalog.service(id).map(KioskConfig.Service::name).orElse(null), g.issued, g.served, g.noShow,
                g.waits.percentiles(), g.services.percentiles())));
        List<Summary.CounterFigures> counters = new ArrayList<>();
        byCounter.forEach((id, g) -> counters.add(new Summary.CounterFigures(id,
                catalog.counter(id).map(KioskConfig.Counter::name).orElse(null), g.served, g.services.percentiles())));
        List<Summary.DayFigures> days = new ArrayList<>();
        byDay.forEach((d, g) -> days.add(new Summary.DayFigures(d.toString(), g.issued, g.served, g.noShow,
                g.waits.minutes(0.5))));
        double noShowRate = called == 0 ? 0 : Math.round(all.noShow * 1000.0 / called) / 1000.0;
        return new Summary(period.from().toString(), period.to().toString(), new Summary.Totals(all.issued, all.served,
                all.noShow, noShowRate, all.waits.percentiles(), all.services.percentiles()), services, counters,
                Arrays.stream(hours).boxed().toList(), channels, priorities, days, drinks);
    }
}
