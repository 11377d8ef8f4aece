package vn.kiosk.maintenance;

import java.time.Clock;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.fleet.messages.MaintenanceEventData;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.storage.Database;
import vn.kiosk.storage.Settings;

/**
 * Out of service for citizens: the touchscreen shows a friendly message and takes no tickets,
 * while counters and robots carry on. Set by a technician; survives restarts.
 */
public final class MaintenanceMode {

    private static final String KEY = "maintenance";

    private final Database db;
    private final Outbox outbox;
    private final KioskEvents events;
    private final Clock clock;
    private volatile boolean on;

    public MaintenanceMode(Database db, Outbox outbox, KioskEvents events, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.on = db.read(c -> Boolean.parseBoolean(Settings.get(c, KEY)));
    }

    public boolean isOn() {
        return on;
    }

    public void set(boolean value) {
        db.inTransaction(c -> {
            Settings.put(c, KEY, Boolean.toString(value));
            return outbox.append(c, "kiosk.maintenance", clock.instant(), new MaintenanceEventData(value));
        });
        boolean changed = on != value;
        on = value; // before the event: a screen that hears it and asks again must see the new value
        if (changed) {
            events.publish(new MaintenanceChanged(value)); // the transaction above has committed
        }
    }
}
