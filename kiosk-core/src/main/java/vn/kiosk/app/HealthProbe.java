package vn.kiosk.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The watchdog's question "is the kiosk well?", asked the way the touchscreen would: GET
 * /api/health over HTTP within a few seconds. A stuck HTTP server, exhausted request threads or a
 * database that no longer answers (health 503 DOWN) all stop the pings, and systemd restarts it.
 */
final class HealthProbe implements BooleanSupplier {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;

    HealthProbe(String bind, int port) {
        this.uri = LocalUrl.of(bind, port, "/api/health");
    }

    @Override
    public boolean getAsBoolean() {
        try {
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
