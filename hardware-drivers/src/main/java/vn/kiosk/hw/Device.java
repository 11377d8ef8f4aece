package vn.kiosk.hw;

/** Every driver can say how it is and be closed; closing twice is harmless. */
public interface Device extends AutoCloseable {

    DeviceStatus status();

    @Override
    void close();
}
