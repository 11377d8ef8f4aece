package vn.kiosk.queue;

import java.util.List;

/**
 * Which waiting ticket a counter calls next: priority tickets first, but after
 * {@code maxPriorityInRow} priority calls in a row at that counter, one regular ticket if any
 * waits, so regular citizens never starve on a busy day.
 */
public record CallPolicy(int maxPriorityInRow) {

    /**
     * @param oldestPriority     the longest-waiting priority ticket, or null
     * @param oldestRegular      the longest-waiting regular ticket, or null
     * @param recentCallPriority whether each of this counter's most recent calls was a priority
     *                           ticket, newest first
     */
    public Ticket choose(Ticket oldestPriority, Ticket oldestRegular, List<Boolean> recentCallPriority) {
        if (oldestPriority == null) {
            return oldestRegular;
        }
        if (oldestRegular == null) {
            return oldestPriority;
        }
        int streak = 0;
        for (boolean priority : recentCallPriority) {
            if (!priority) {
                break;
            }
            streak++;
        }
        return streak >= maxPriorityInRow ? oldestRegular : oldestPriority;
    }
}
