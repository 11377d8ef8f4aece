package vn.kiosk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events at GET /api/events for the touchscreen, counter and waiting-room pages: each
 * message's data is one JSON object with a {@code type} (scan, ticket, device, maintenance).
 */
public final class LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final ObjectMapper json;
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();

    public LiveEvents(ObjectMapper json) {
        this.json = json;
    }

    void connect(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendComment("connected");
    }

    public void publish(Map<String, ?> event) {
        String data;
        try {
            data = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            log.warn("event not serialisable: {}", event.get("type"), e);
            return;
        }
        for (SseClient c : clients) {
            if (c.terminated()) {
                clients.remove(c);
                continue;
            }
            try {
                c.sendData(data);
            } catch (RuntimeException e) {
                clients.remove(c);
            }
        }
    }

    /** Ends every stream (shutdown): open streams would otherwise hold the server's stop. */
    void closeAll() {
        for (SseClient c : clients) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        clients.clear();
    }
}
