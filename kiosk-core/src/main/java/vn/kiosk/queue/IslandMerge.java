package vn.kiosk.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.storage.CrashPoint;

/**
 * Moves the tickets a kiosk issued on its own into the site queue, each exactly once: a batch is
 * inserted at the site by ticket id (a row already there is one an earlier merge inserted before the
 * kiosk stopped), committed, and only then deleted here. They keep their arrival times, so counters
 * call them in arrival order among the site's tickets, and their state (a local counter may have
 * called or completed one already). Their events went to this kiosk's outbox when they happened.
 */
final class IslandMerge {

    private static final Logger log = LoggerFactory.getLogger(IslandMerge.class);
    private static final int BATCH = 500;
    /** What is copied as it is; device_id, island and merged_at are set by the merge. */
    private static final List<String> COLUMNS = List.of("id", "business_day", "number", "service_id", "issued_service_id",
            "priority", "channel", "status", "issued_at", "called_at", "counter_id", "call_count", "finished_at",
            "service_started_at", "first_called_at", "print_state", "print_error", "request_id");
    private static final int REQUEST_ID = COLUMNS.indexOf("request_id");
    private static final int NUMBER = COLUMNS.indexOf("number");
    private static final int CALL_COUNT = COLUMNS.indexOf("call_count");

    private final QueueStores stores;

    IslandMerge(QueueStores stores) {
        this.stores = stores;
    }

    /** How many tickets issued in island mode wait to be merged. */
    static long pending(Connection local) throws SQLException {
        try (PreparedStatement ps = local.prepareStatement("SELECT count(*) FROM ticket WHERE island = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Merges every island ticket; island operations wait meanwhile. Returns how many were merged. */
    long mergeAll(Instant now) {
        stores.islandLock().lock();
        try {
            long merged = 0;
            while (true) {
                List<Object[]> rows = stores.local().read(IslandMerge::oldest);
                if (rows.isEmpty()) {
                    return merged;
                }
                stores.site().tx().inTransaction(c -> {
                    insert(c, rows, now);
                    return null;
                });
                CrashPoint.reached("island-merge-committed");
                stores.local().inTransaction(c -> {
                    delete(c, rows);
                    return null;
                });
                merged += rows.size();
                log.info("merged {} island tickets into the site queue ({} to {})", rows.size(), rows.get(0)[NUMBER],
                        rows.get(rows.size() - 1)[NUMBER]);
            }
        } finally {
            stores.islandLock().unlock();
        }
    }

    private static List<Object[]> oldest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", COLUMNS)
                + " FROM ticket WHERE island = 1 ORDER BY issued_at, rowid LIMIT " + BATCH);
             ResultSet rs = ps.executeQuery()) {
            List<Object[]> out = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[COLUMNS.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                out.add(row);
            }
            return out;
        }
    }

    private void insert(Connection c, List<Object[]> rows, Instant now) throws SQLException {
        SiteQueueStore site = stores.site();
        site.lockQueue(c);
        String sql = "INSERT INTO ticket (" + String.join(", ", COLUMNS) + ", device_id, island, merged_at) VALUES ("
                + String.join(", ", Collections.nCopies(COLUMNS.size(), "?")) + ", ?, true, ?) ON CONFLICT DO NOTHING";
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(ps, row, site.deviceId(), now);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            ids.add((String) row[0]);
            if (counts[i] == 0 && !exists(c, (String) row[0])) {
                resolveClash(c, sql, row, site.deviceId(), now);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ? || ' ' || id || ' ISSUED') FROM unnest(?) AS id")) {
            ps.setString(1, SiteQueueStore.CHANNEL);
            ps.setString(2, site.deviceId());
            ps.setArray(3, c.createArrayOf("text", ids.toArray()));
            ps.execute();
        }
    }

    /**
     * Not there, yet refused: its request id was taken by a site ticket (the server committed an issue
     * whose answer never reached this kiosk, which then issued again on its own) or, if a kiosk's range
     * changed mid-day, its number was. The citizen holds this ticket: it goes in without the request
     * id, or with its number marked, never dropped.
     */
    private static void resolveClash(Connection c, String sql, Object[] row, String deviceId, Instant now) throws SQLException {
        Object[] copy = row.clone();
        copy[REQUEST_ID] = null;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, copy, deviceId, now);
            if (ps.executeUpdate() == 1) {
                log.warn("island ticket {} merged without its request id: a site ticket has it already", row[NUMBER]);
                return;
            }
            copy[NUMBER] = row[NUMBER] + "-" + deviceId;
            bind(ps, copy, deviceId, now);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("island ticket " + row[0] + " can be neither found nor inserted at the site");
            }
            log.error("island ticket {} clashed with a site ticket of the same number (was the island range changed "
                    + "today?); merged as {}", row[NUMBER], copy[NUMBER]);
        }
    }

    private static void bind(PreparedStatement ps, Object[] row, String deviceId, Instant now) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (i == REQUEST_ID && v != null) {
                v = SiteQueueStore.requestKey(deviceId, (String) v);
            }
            if (v instanceof Integer n) {
                v = n.longValue(); // SQLite hands small INTEGERs back as Integer; the site's columns are bigint
            }
            if (v == null) {
                ps.setNull(i + 1, i == CALL_COUNT ? java.sql.Types.INTEGER : java.sql.Types.NULL);
            } else if (i == CALL_COUNT) {
                ps.setInt(i + 1, ((Number) v).intValue());
            } else {
                ps.setObject(i + 1, v);
            }
        }
        ps.setString(row.length + 1, deviceId);
        ps.setLong(row.length + 2, now.toEpochMilli());
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ticket WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void delete(Connection c, List<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM ticket WHERE id = ? AND island = 1")) {
            for (Object[] row : rows) {
                ps.setString(1, (String) row[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
