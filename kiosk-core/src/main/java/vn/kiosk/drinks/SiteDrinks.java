package vn.kiosk.drinks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.events.KioskEvents;
import vn.kiosk.queue.BusinessDay;
import vn.kiosk.storage.SiteDatabase;
import vn.kiosk.storage.StorageException;

/**
 * The drinks of a whole site for the managers' reports, when the queue is on PostgreSQL. A dispenser
 * belongs to one kiosk and pours with the server away too, so each kiosk keeps counting in its own
 * SQLite file and copies its per-day totals to the server (table site_drink): after each pour and
 * every {@value #PUSH_MILLIS} ms while the site is joined, only the days that changed. A totals row
 * is replaced, never added to, so a copy repeated after a crash or an outage counts nothing twice.
 * A report adds the other kiosks' rows to this kiosk's own counts, which are always current.
 */
public final class SiteDrinks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SiteDrinks.class);
    static final long PUSH_MILLIS = 10_000;
    /** How far back the copy looks: a kiosk away from its server for longer than this copies only these days. */
    private static final int DAYS_BACK = 35;

    private final DrinkHistory local;
    private final SiteDatabase site;
    private final String deviceId;
    private final BooleanSupplier onSite;
    private final BusinessDay businessDay;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread = new Thread(this::loop, "site-drinks");
    /** What the server has of this kiosk, as last copied (only the copying thread touches it). */
    private final Map<LocalDate, DrinkHistory.Totals> copied = new HashMap<>();
    private boolean woken;
    private volatile boolean closed;

    public SiteDrinks(DrinkHistory local, SiteDatabase site, String deviceId, BooleanSupplier onSite,
                      BusinessDay businessDay, Clock clock, KioskEvents events) {
        this.local = local;
        this.site = site;
        this.deviceId = deviceId;
        this.onSite = onSite;
        this.businessDay = businessDay;
        this.clock = clock;
        thread.setDaemon(true);
        events.subscribe(PourProgressed.class, e -> {
            if (e.pour().state() != PourState.POURING) {
                wake();
            }
        });
    }

    public SiteDrinks start() {
        thread.start();
        return this;
    }

    /** The site's cups and litres per day from..to: the other kiosks' as copied, this one's as counted. */
    public List<DrinkHistory.Day> between(LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> sum = new TreeMap<>();
        for (DrinkHistory.Totals t : local.totals(from, to)) {
            sum.put(t.day(), new long[] {t.cups(), t.ml()});
        }
        site.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT day, sum(cups), sum(ml) FROM site_drink "
                    + "WHERE device_id <> ? AND day >= ? AND day <= ? GROUP BY day")) {
                ps.setString(1, deviceId);
                ps.setObject(2, from);
                ps.setObject(3, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] s = sum.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new long[2]);
                        s[0] += rs.getLong(2);
                        s[1] += rs.getLong(3);
                    }
                }
            }
            return null;
        });
        List<DrinkHistory.Day> out = new ArrayList<>();
        sum.forEach((day, s) -> out.add(new DrinkHistory.Day(day, (int) s[0], s[1] / 1000.0)));
        return out;
    }

    private void wake() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (!closed) {
            if (onSite.getAsBoolean()) {
                try {
                    copy();
                } catch (StorageException e) {
                    log.debug("drinks not copied to the site server yet: {}", e.getMessage());
                } catch (RuntimeException e) {
                    log.warn("copying the drinks to the site server failed", e);
                }
            }
            lock.lock();
            try {
                if (!woken && !closed) {
                    wake.await(PUSH_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
                }
                woken = false;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Copies the days whose totals differ from what the server was last given. */
    void copy() {
        LocalDate today = businessDay.of(clock.instant());
        List<DrinkHistory.Totals> changed = local.totals(today.minusDays(DAYS_BACK), today).stream()
                .filter(t -> !t.equals(copied.get(t.day()))).toList();
        if (changed.isEmpty()) {
            return;
        }
        site.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO site_drink (day, device_id, cups, ml) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (day, device_id) DO UPDATE SET cups = excluded.cups, ml = excluded.ml")) {
                for (DrinkHistory.Totals t : changed) {
                    ps.setObject(1, t.day());
                    ps.setString(2, deviceId);
                    ps.setInt(3, t.cups());
                    ps.setLong(4, t.ml());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        changed.forEach(t -> copied.put(t.day(), t));
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
