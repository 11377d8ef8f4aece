package vn.kiosk.queue;

/**
 * The data of {@code queue.island} (the site's server went away: this kiosk hands out numbers from its
 * island range) and {@code queue.site} (back on the site queue, {@code merged} island tickets merged).
 */
public record QueueModeEventData(QueueMode mode, String reason, long merged) { }
