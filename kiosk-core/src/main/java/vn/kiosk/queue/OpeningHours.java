package vn.kiosk.queue;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import vn.kiosk.config.KioskConfig;

/** Whether the centre serves citizens now (the touchscreen takes tickets only then). */
public final class OpeningHours {

    private final Set<Integer> days;
    private final LocalTime open;
    private final LocalTime close;
    private final boolean untilMidnight;
    private final ZoneId zone;
    private final Clock clock;

    public OpeningHours(KioskConfig config, Clock clock) {
        this.days = Set.copyOf(config.openingHours().days());
        this.open = LocalTime.parse(config.openingHours().open());
        this.untilMidnight = "24:00".equals(config.openingHours().close());
        this.close = untilMidnight ? LocalTime.MAX : LocalTime.parse(config.openingHours().close());
        this.zone = config.zone();
        this.clock = clock;
    }

    public boolean isOpen() {
        ZonedDateTime now = clock.instant().atZone(zone);
        LocalTime t = now.toLocalTime();
        return days.contains(now.getDayOfWeek().getValue()) && !t.isBefore(open) && (untilMidnight || t.isBefore(close));
    }

    public String describe() {
        return open + "-" + (untilMidnight ? "24:00" : close);
    }
}
