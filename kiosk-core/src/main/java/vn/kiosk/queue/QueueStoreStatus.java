package vn.kiosk.queue;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The queue's store as health, {@code /api/queue}, telemetry and the monitor show it: {@code sqlite}
 * or {@code postgresql}, the mode, the island tickets waiting to be merged into the site queue, and
 * for a site store its schema version, the replay lag of its standby (when the server has one and
 * shows it) and what is wrong, if anything.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueStoreStatus(String store, QueueMode mode, long pendingMerge, String islandRange, String schemaVersion,
                               Double replicationLagSeconds, String problem) {

    public static QueueStoreStatus local() {
        return new QueueStoreStatus("sqlite", QueueMode.LOCAL, 0, null, null, null, null);
    }
}
