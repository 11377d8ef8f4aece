package vn.kiosk.hw.scanner;

import java.util.function.Consumer;
import vn.kiosk.hw.DeviceStatus;

/** The scanner's simulated twin: codes are injected by tests and the demo, through the same filter as real ones. */
public final class SimulatedScanner implements QrScanner {

    private final ScanFilter filter;
    private volatile Consumer<String> onCode = code -> { };

    public SimulatedScanner(ScanFilter filter) {
        this.filter = filter;
    }

    @Override
    public void start(Consumer<String> onCode) {
        this.onCode = filter.wrap(onCode);
    }

    /** Delivers a code as if a citizen had just scanned it. */
    public void inject(String code) {
        onCode.accept(code);
    }

    @Override
    public DeviceStatus status() {
        return DeviceStatus.ready("simulated scanner");
    }

    @Override
    public void close() {
        onCode = code -> { };
    }
}
