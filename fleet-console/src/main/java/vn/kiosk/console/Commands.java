package vn.kiosk.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * A technician's command to one kiosk: published on the kiosk's {@code cmd/tech/{name}} with a
 * request id of its own, the kiosk's reply awaited (504 when none comes in time), and every
 * attempt written to the audit trail with who sent it and the reply's code.
 */
final class Commands {

    /** What a command came to: the HTTP status for the caller and the kiosk's reply (null when none came). */
    record Outcome(int status, JsonNode reply, String requestId) { }

    /** One row of the audit trail. */
    record AuditRow(long id, Instant at, String actor, String site, String device, String command, JsonNode args,
                    String requestId, int code) { }

    private final Ingest ingest;
    private final FleetDb db;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration timeout;

    Commands(Ingest ingest, FleetDb db, ObjectMapper json, Clock clock, Duration timeout) {
        this.ingest = ingest;
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
    }

    Outcome send(String actor, String site, String device, String name, JsonNode args) {
        String requestId = "console-" + UUID.randomUUID();
        ObjectNode request = json.createObjectNode();
        request.put("id", requestId);
        request.set("args", args == null || args.isNull() ? json.createObjectNode() : args);
        JsonNode reply = null;
        int status;
        try {
            byte[] answer = ingest.command(site, device, name, requestId, json.writeValueAsBytes(request))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            reply = json.readTree(answer);
            status = 200;
        } catch (TimeoutException e) {
            status = 504;
        } catch (MqttException e) {
            status = 503;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 503;
        } catch (ExecutionException | java.io.IOException e) {
            status = 502;
        }
        int code = reply != null && reply.has("code") ? reply.get("code").asInt() : status;
        JsonNode stored = reply;
        db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit (at, actor, site, device, command, args, "
                    + "request_id, code, reply) VALUES (?,?,?,?,?,?::jsonb,?,?,?::jsonb)")) {
                ps.setTimestamp(1, FleetStore.ts(clock.instant()));
                ps.setString(2, actor);
                ps.setString(3, site);
                ps.setString(4, device);
                ps.setString(5, name);
                ps.setString(6, request.get("args").toString());
                ps.setString(7, requestId);
                ps.setInt(8, code);
                ps.setString(9, stored == null ? null : stored.toString());
                ps.executeUpdate();
            }
            return null;
        });
        return new Outcome(status, reply, requestId);
    }

    List<AuditRow> audit(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, actor, site, device, command, args, request_id, "
                    + "code FROM audit ORDER BY at DESC, id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<AuditRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditRow(rs.getLong(1), FleetStore.instant(rs.getTimestamp(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), readTree(rs.getString(7)),
                                rs.getString(8), rs.getInt(9)));
                    }
                }
                return out;
            }
        });
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
