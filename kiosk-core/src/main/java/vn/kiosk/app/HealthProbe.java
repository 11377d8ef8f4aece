package vn.kiosk.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.health.HealthReport;
import vn.kiosk.json.Json;
import vn.kiosk.storage.StorageFault;

/**
 * The watchdog's question "is the kiosk well?", asked the way the touchscreen would: GET
 * /api/health over HTTP within a few seconds. A stuck HTTP server, exhausted request threads or a
 * database that no longer answers (health 503 DOWN) all stop the pings, and systemd restarts it.
 * Except a disk that is full or read-only: health is DOWN (no ticket can be issued) but a restart
 * cannot free space or make the disk writable, it would only loop; the kiosk keeps answering,
 * says why it is DOWN, and recovers by itself once space returns.
 */
final class HealthProbe implements BooleanSupplier {

    private static final Logger log = LoggerFactory.getLogger(HealthProbe.class);
    private static final Set<String> NOT_CURED_BY_RESTART = Set.of(StorageFault.Kind.DISK_FULL.code(),
            StorageFault.Kind.READ_ONLY.code());

    /**
     * Made at the first question (the first ping is half a watchdog period after ready), not at
     * start-up: the JDK's HTTP client sets up TLS when it is built, 0.1-0.2 s of CPU while the
     * kiosk answers its first requests.
     */
    private HttpClient client;
    /** Lenient: only the database's cause matters here, not whether every other field is known. */
    private ObjectReader json;
    private final URI uri;
    private volatile boolean warned;

    HealthProbe(String bind, int port) {
        this.uri = LocalUrl.of(bind, port, "/api/health");
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            json = Json.newMapper().readerFor(HealthReport.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }
        return client;
    }

    @Override
    public boolean getAsBoolean() {
        try {
            HttpResponse<String> r = client().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                warned = false;
                return true;
            }
            return r.statusCode() == 503 && notCuredByRestart(r.body());
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean notCuredByRestart(String body) {
        String cause;
        try {
            HealthReport report;
            synchronized (this) {
                report = json.readValue(body);
            }
            cause = report.database() == null || report.database().cause() == null ? "" : report.database().cause();
        } catch (java.io.IOException e) {
            return false;
        }
        if (!NOT_CURED_BY_RESTART.contains(cause)) {
            return false;
        }
        if (!warned) {
            warned = true;
            log.warn("health is DOWN ({}): still pinging the watchdog, a restart cannot cure this", cause);
        }
        return true;
    }
}
