package vn.kiosk.hw.scanner;

import vn.kiosk.hw.Device;

/** A source of scanned codes (text as read, unparsed). */
public interface QrScanner extends Device {

    /** Starts delivering codes to {@code listener}, on a thread of the scanner's own. */
    void start(ScanListener listener);
}
