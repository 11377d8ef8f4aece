package vn.kiosk.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.drinks.DrinkException;
import vn.kiosk.queue.QueueException;
import vn.kiosk.storage.StorageException;

/**
 * Commands from robots, counters and technicians: {@code cmd/{role}/{name}} with
 * {@code {"id": "<request id>", "args": {...}}}, answered on {@code reply/{role}/{id}} (or
 * {@code reply/{role}/invalid} when no id can be read). Each role may run only its own commands:
 * anything else on its topic is 403. Every request gets a reply; a request id seen again gets the
 * first reply and the work is not repeated. Commands run one at a time, off Paho's thread.
 * A name may be written with '-' for '.' ({@code ticket-issue}) for brokers that refuse dots in
 * topics (NATS 2.9).
 */
public final class CommandRouter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);
    static final int MAX_PAYLOAD = 64 * 1024;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    public static final Set<String> ROLES = Set.of("robot", "counter", "tech");

    @FunctionalInterface
    public interface Handler {
        Object handle(Args args);
    }

    /** Publishes a reply; the connection in production, a recorder in tests. */
    @FunctionalInterface
    public interface ReplySink {
        void send(String topic, byte[] payload) throws MqttException;
    }

    private final Topics topics;
    private final Map<String, Map<String, Handler>> table;
    private final ReplyStore replies;
    private final ObjectMapper json;
    private final ReplySink sink;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "commands");
        t.setDaemon(true);
        return t;
    });

    CommandRouter(Topics topics, Map<String, Map<String, Handler>> table, ReplyStore replies, ObjectMapper json,
                  ReplySink sink) {
        this.topics = topics;
        this.table = table;
        this.replies = replies;
        this.json = json;
        this.sink = sink;
    }

    /** The topics to subscribe to: every role hears every known name, so another role's command gets its 403. */
    static java.util.List<String> filters(Topics topics, Map<String, Map<String, Handler>> table) {
        Set<String> names = new java.util.TreeSet<>();
        table.values().forEach(commands -> names.addAll(commands.keySet()));
        return topics.commandFilters(new java.util.TreeSet<>(ROLES), names);
    }

    /** Called on Paho's thread: queues the command and returns at once. */
    public void accept(String topic, byte[] payload) {
        try {
            worker.execute(() -> handle(topic, payload));
        } catch (RejectedExecutionException e) {
            log.debug("command on {} dropped: shutting down", topic);
        }
    }

    void handle(String topic, byte[] payload) {
        String prefix = topics.base() + "cmd/";
        if (!topic.startsWith(prefix) || topic.substring(prefix.length()).split("/").length != 2) {
            return; // not a command topic (the subscription only delivers these)
        }
        String[] parts = topic.substring(prefix.length()).split("/");
        String role = parts[0];
        // '-' may stand for '.' (ticket-issue): NATS's MQTT listener refuses '.' in topics.
        String name = parts[1].replace('-', '.');
        if (payload.length > MAX_PAYLOAD) {
            send(role, "invalid", error(null, 400, "payload of " + payload.length + " bytes is larger than " + MAX_PAYLOAD));
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(payload);
        } catch (IOException e) {
            send(role, "invalid", error(null, 400, "payload is not JSON: " + brief(e)));
            return;
        }
        JsonNode idNode = request == null ? null : request.get("id");
        if (request == null || !request.isObject() || idNode == null || !idNode.isTextual()
                || !REQUEST_ID.matcher(idNode.asText()).matches()) {
            send(role, "invalid", error(null, 400,
                    "payload must be a JSON object with \"id\": 1 to 64 characters of A-Z a-z 0-9 . _ : -"));
            return;
        }
        String id = idNode.asText();
        Optional<byte[]> earlier = ROLES.contains(role) ? replies.find(role, id) : Optional.empty();
        if (earlier.isPresent()) {
            send(role, id, earlier.get());
            return;
        }
        byte[] reply = execute(role, name, id, request.get("args"));
        if (ROLES.contains(role)) {
            replies.save(role, id, reply);
        }
        send(role, id, reply);
    }

    private byte[] execute(String role, String name, String id, JsonNode args) {
        Handler h = table.getOrDefault(role, Map.of()).get(name);
        if (h == null) {
            return error(id, 403, "command '" + name + "' is not allowed for role '" + role + "'");
        }
        if (args != null && !args.isNull() && !args.isObject()) {
            return error(id, 400, "\"args\" must be a JSON object");
        }
        try {
            Object data = h.handle(new Args(args == null || args.isNull() ? json.createObjectNode() : args));
            ObjectNode ok = json.createObjectNode();
            ok.put("id", id);
            ok.put("status", "ok");
            ok.put("code", 200);
            ok.set("data", json.valueToTree(data == null ? Map.of() : data));
            log.info("command {}/{} {} done", role, name, id);
            return bytes(ok);
        } catch (CommandException e) {
            return error(id, e.code(), e.getMessage());
        } catch (QueueException e) {
            return error(id, e.status() == 422 ? 400 : e.status(), e.getMessage());
        } catch (DrinkException e) {
            ObjectNode n = errorNode(id, e.status(), e.getMessage());
            n.set("details", json.valueToTree(e.details()));
            return bytes(n);
        } catch (StorageException e) {
            log.error("command {}/{} {}: storage failure", role, name, id, e);
            return error(id, 503, "the kiosk database is not available; try again");
        } catch (RuntimeException e) {
            log.error("command {}/{} {} failed", role, name, id, e);
            return error(id, 503, "the kiosk could not carry out the command; see its log");
        }
    }

    private byte[] error(String id, int code, String message) {
        return bytes(errorNode(id, code, message));
    }

    private ObjectNode errorNode(String id, int code, String message) {
        ObjectNode n = json.createObjectNode();
        if (id == null) {
            n.putNull("id");
        } else {
            n.put("id", id);
        }
        n.put("status", "error");
        n.put("code", code);
        n.put("error", message);
        return n;
    }

    private byte[] bytes(ObjectNode n) {
        try {
            return json.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String role, String id, byte[] reply) {
        try {
            sink.send(topics.reply(role, id), reply);
        } catch (MqttException e) {
            log.warn("reply to {}/{} not sent: {} (the requester may ask again with the same id)", role, id, e.getMessage());
        }
    }

    private static String brief(IOException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int cut = m.indexOf('\n');
        return cut > 0 ? m.substring(0, cut) : m;
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(3, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
