package vn.kiosk.app;

import java.io.IOException;
import vn.kiosk.fleet.EmbeddedBroker;

/**
 * The embedded broker of {@code kiosk demo}, behind a class of its own: Moquette is not on the class
 * path of {@code kiosk run} (it lives in lib-demo/, which the launcher adds for demo only and the Pi
 * installer leaves out), so nothing but the demo path may reach EmbeddedBroker.
 */
final class DemoBroker implements AutoCloseable {

    /** Moquette is not installed here (an installed kiosk): the demo runs without a fleet link. */
    static final class NotInstalled extends Exception {
        NotInstalled(Throwable cause) {
            super("the embedded demo broker is not installed here (lib-demo/ is left out of installs); "
                    + "set mqtt.url to a broker to see the fleet link", cause);
        }
    }

    private final EmbeddedBroker broker;

    private DemoBroker(EmbeddedBroker broker) {
        this.broker = broker;
    }

    /** Starts on {@code preferredPort} if it is free, else on any free port. */
    static DemoBroker start(int preferredPort) throws IOException, NotInstalled {
        try {
            return new DemoBroker(EmbeddedBroker.start(preferredPort));
        } catch (NoClassDefFoundError e) {
            throw new NotInstalled(e);
        }
    }

    String url() {
        return broker.url();
    }

    @Override
    public void close() {
        broker.close();
    }
}
