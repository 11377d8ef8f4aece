package vn.kiosk.hw.io;

/** An input on Pi4J's mock platform, which the simulated devices drive as the outside world would. */
public interface SimulatedIn extends DigitalIn {

    void simulate(boolean active);
}
