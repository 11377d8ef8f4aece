package vn.kiosk.queue;

/**
 * Formats ticket numbers: prefix and the sequence zero-padded to the width of the range's last
 * number (1..999 → A001). Past the end of the range the number simply grows (A1000): wrapping
 * would hand out a number twice in one day.
 */
public final class TicketNumbers {

    private TicketNumbers() { }

    /** @param seq 1 for the first ticket of the day */
    public static String format(String prefix, int first, int last, long seq) {
        long value = first + seq - 1;
        int width = Integer.toString(last).length();
        String digits = Long.toString(value);
        return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
