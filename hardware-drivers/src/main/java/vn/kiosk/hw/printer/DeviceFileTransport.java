package vn.kiosk.hw.printer;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;

/** The kernel's USB printer device ({@code usb:/dev/usb/lp0}): bytes written, status read back. */
final class DeviceFileTransport extends StreamTransport {

    private final String path;

    DeviceFileTransport(String path, long writeTimeoutMillis) {
        super(writeTimeoutMillis);
        this.path = path;
    }

    @Override
    protected void connect() throws IOException {
        FileOutputStream out = new FileOutputStream(path);
        FileInputStream in;
        try {
            in = new FileInputStream(path);
        } catch (IOException e) {
            out.close();
            throw e;
        }
        streams(in, out);
    }

    @Override
    protected void disconnect() {
        // the streams were the whole connection
    }

    @Override
    public String describe() {
        return "USB printer " + path;
    }
}
