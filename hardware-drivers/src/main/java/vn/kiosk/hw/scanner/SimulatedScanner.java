package vn.kiosk.hw.scanner;

import vn.kiosk.hw.DeviceStatus;

/** The scanner's simulated twin: codes are injected by tests and the demo, through the same filter as real ones. */
public final class SimulatedScanner implements QrScanner {

    private final ScanFilter filter;
    private volatile ScanListener listener = code -> { };

    public SimulatedScanner(ScanFilter filter) {
        this.filter = filter;
    }

    @Override
    public void start(ScanListener listener) {
        this.listener = filter.wrap(listener);
    }

    /** Delivers a code as if a citizen had just scanned it. */
    public void inject(String code) {
        listener.onCode(code);
    }

    @Override
    public DeviceStatus status() {
        return DeviceStatus.ready("simulated scanner");
    }

    @Override
    public void close() {
        listener = code -> { };
    }
}
