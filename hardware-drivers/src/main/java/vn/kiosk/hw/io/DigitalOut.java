package vn.kiosk.hw.io;

/** A digital output in terms of what it does (active or not), whatever level that takes on the wire. */
public interface DigitalOut {

    void set(boolean active);

    boolean isActive();
}
