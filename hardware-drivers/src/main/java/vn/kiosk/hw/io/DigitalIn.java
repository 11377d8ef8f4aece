package vn.kiosk.hw.io;

import java.util.function.Consumer;

/** A digital input in terms of what it means (active or not), whatever level that is on the wire. */
public interface DigitalIn {

    boolean isActive();

    /** Called on each change, on the GPIO library's event thread: keep it short. */
    void onChange(Consumer<Boolean> listener);
}
