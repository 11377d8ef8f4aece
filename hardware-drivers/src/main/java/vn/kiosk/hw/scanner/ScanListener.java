package vn.kiosk.hw.scanner;

/** Where a scanner delivers what it reads. */
@FunctionalInterface
public interface ScanListener {

    /** A code as read (unparsed). */
    void onCode(String code);

    /**
     * Something was read that cannot be a code (too long, control characters, no line end): the
     * citizen should be told to scan again. The reason says how, never what was read.
     */
    default void onUnreadable(String reason) { }
}
