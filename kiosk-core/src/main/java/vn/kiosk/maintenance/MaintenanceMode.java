package vn.kiosk.maintenance;

import java.time.Clock;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import vn.kiosk.fleet.messages.MaintenanceChanged;
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
    private final Clock clock;
    private final CopyOnWriteArrayList<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean on;

    public MaintenanceMode(Database db, Outbox outbox, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
        this.on = db.read(c -> Boolean.parseBoolean(Settings.get(c, KEY)));
    }

    public boolean isOn() {
        return on;
    }

    public void onChange(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    public void set(boolean value) {
        db.inTransaction(c -> {
            Settings.put(c, KEY, Boolean.toString(value));
            return outbox.append(c, "kiosk.maintenance", clock.instant(), new MaintenanceChanged(value));
        });
        boolean changed = on != value;
        on = value;
        if (changed) {
            listeners.forEach(l -> l.accept(value));
        }
    }
}
