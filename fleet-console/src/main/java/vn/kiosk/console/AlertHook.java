package vn.kiosk.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.fleet.view.AlertKind;

/**
 * Optional notifications ({@code --webhook URL}): each alert opened or resolved is POSTed as JSON
 * (a chat bot, a ticketing system, a mail gateway can take it from there). Sent after the alert is
 * stored, without waiting; a failed delivery is logged, the alert stays on the console.
 */
final class AlertHook {

    /** What the webhook receives. */
    record Notice(String event, String site, String device, AlertKind kind, String detail, Instant at) { }

    private static final Logger log = LoggerFactory.getLogger(AlertHook.class);

    private final URI url;
    private final ObjectMapper json;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AlertHook(String url, ObjectMapper json) {
        this.url = url == null || url.isBlank() ? null : URI.create(url);
        this.json = json;
    }

    void send(Notice notice) {
        if (url == null) {
            return;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(notice))).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (e != null || r.statusCode() >= 300) {
                    log.warn("the webhook did not take {} {}/{} {}: {}", notice.event(), notice.site(), notice.device(),
                            notice.kind().id(), e != null ? e.getMessage() : "HTTP " + r.statusCode());
                }
            });
        } catch (java.io.IOException | IllegalArgumentException e) {
            log.warn("cannot send to the webhook: {}", e.getMessage());
        }
    }
}
