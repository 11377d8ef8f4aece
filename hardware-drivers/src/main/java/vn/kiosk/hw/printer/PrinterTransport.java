package vn.kiosk.hw.printer;

import java.io.IOException;

/** How bytes reach a printer and its replies come back: serial, USB printer device, TCP, file, simulation. */
public interface PrinterTransport extends AutoCloseable {

    /** Connects (again); throws when the printer is not there. */
    void open() throws IOException;

    boolean isOpen();

    /** Writes all bytes or throws (also on the transport's write timeout). */
    void write(byte[] data) throws IOException;

    /** One reply byte, or -1 when none arrives in time; throws when the connection is gone. */
    int read(long timeoutMillis) throws IOException;

    /** Drops reply bytes nobody asked for (stray status answers). */
    void discardInput() throws IOException;

    /** False for transports that cannot read replies (file:); status is then not known. */
    boolean hasReplies();

    /** Bytes per second on the wire, for timeouts (serial: baud / 10); 0 = fast enough not to matter. */
    default int bytesPerSecond() {
        return 0;
    }

    String describe();

    @Override
    void close();
}
