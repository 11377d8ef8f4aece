package vn.kiosk.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
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
import vn.kiosk.problem.Problem;
import vn.kiosk.storage.StorageException;

/**
 * Commands from robots, counters and technicians: {@code cmd/{role}/{name}} with
 * {@code {"id": "<request id>", "args": {...}}}, answered on {@code reply/{role}/{id}} (or
 * {@code reply/{role}/invalid} when no id can be read). Each role may run only its own commands:
 * another role's command is 403. Every delivered request gets a reply; names no role has are not
 * subscribed to, so the broker never delivers them (see {@link Topics#commandFilters}); the empty
 * name ({@code cmd/robot/}) is, and gets a 400. Each command takes only the args it declares.
 * A request id seen again with the same command and args gets the first reply and the work is not
 * repeated; with another command or other args it gets 409 {@code request_conflict}. Error replies
 * carry {@code errorCode}, the same reason string as the HTTP API's {@code error.code}, and
 * {@code details} (empty for most; one mapping, see {@link Problem}). Commands run one at a time,
 * off Paho's thread. A name may be written with '-' for '.' ({@code ticket-issue})
 * for brokers that refuse dots in topics (NATS 2.9).
 */
public final class CommandRouter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);
    static final int MAX_PAYLOAD = 64 * 1024;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    public static final Set<String> ROLES = Set.of("robot", "counter", "tech");

    @FunctionalInterface
    public interface Handler {
        Object handle(Args args);

        /** The argument names the command takes; any other is refused with 400 (as the HTTP API does). */
        default Set<String> accepts() {
            return Set.of();
        }
    }

    /** A handler that takes the named arguments. */
    public static Handler takes(Handler handler, String... args) {
        Set<String> names = new java.util.LinkedHashSet<>(java.util.List.of(args));
        return new Handler() {
            @Override
            public Object handle(Args a) {
                return handler.handle(a);
            }

            @Override
            public Set<String> accepts() {
                return names;
            }
        };
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
        try {
            route(topic, payload);
        } catch (RuntimeException e) { // the database gone, say: the next command may fare better
            log.error("command on {} not handled", topic, e);
        }
    }

    private void route(String topic, byte[] payload) {
        String prefix = topics.base() + "cmd/";
        String[] parts = topic.startsWith(prefix) ? topic.substring(prefix.length()).split("/", -1) : new String[0];
        if (parts.length != 2) {
            return; // not a command topic (the subscriptions only deliver these)
        }
        String role = parts[0];
        // '-' may stand for '.' (ticket-issue): NATS's MQTT listener refuses '.' in topics.
        String name = parts[1].replace('-', '.');
        if (payload.length > MAX_PAYLOAD) {
            send(role, "invalid", error(null, Problem.badRequest("bad_request", "payload is larger than " + MAX_PAYLOAD + " bytes")));
            return;
        }
        JsonNode request;
        try {
            request = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(payload);
        } catch (IOException e) {
            send(role, "invalid", error(null, Problem.badRequest("bad_json", "payload is not JSON: " + brief(e))));
            return;
        }
        JsonNode idNode = request == null ? null : request.get("id");
        if (request == null || !request.isObject() || idNode == null || !idNode.isTextual()
                || !REQUEST_ID.matcher(idNode.asText()).matches()) {
            send(role, "invalid", error(null, Problem.badRequest("bad_request",
                    "payload must be a JSON object with \"id\": 1 to 64 characters of A-Z a-z 0-9 . _ : -")));
            return;
        }
        String id = idNode.asText();
        byte[] refused = check(role, name, id, request);
        if (refused != null) {
            send(role, id, refused);
            return;
        }
        JsonNode args = request.get("args") == null || request.get("args").isNull() ? json.createObjectNode() : request.get("args");
        String fingerprint = fingerprint(name, args);
        Optional<ReplyStore.Entry> earlier = replies.find(role, id);
        if (earlier.isPresent()) {
            ReplyStore.Entry e = earlier.get();
            if (e.fingerprint() != null && !e.fingerprint().equals(fingerprint)) {
                send(role, id, error(id, Problem.conflict("request_conflict", "request id '" + id + "' was already used for "
                        + "another command or other args; a new request needs a new id")));
                return;
            }
            if (e.reply() != null) {
                send(role, id, e.reply());
                return;
            }
            // recorded but never answered: the kiosk stopped mid-way; run it again (ticket.issue
            // finds the ticket it may have issued by its request key)
        } else {
            replies.begin(role, id, fingerprint);
        }
        byte[] reply = execute(role, name, id, args);
        replies.finish(role, id, reply);
        send(role, id, reply);
    }

    /** The refusal of a request that cannot run at all (nothing is recorded for it), or null. */
    private byte[] check(String role, String name, String id, JsonNode request) {
        if (name.isEmpty()) {
            return error(id, Problem.badRequest("bad_request", "the topic has no command name: publish to cmd/" + role + "/<command name>"));
        }
        Handler h = table.getOrDefault(role, Map.of()).get(name);
        if (h == null) {
            return error(id, new Problem(403, "forbidden", "command '" + name + "' is not allowed for role '" + role + "'"));
        }
        JsonNode args = request.get("args");
        if (args == null || args.isNull()) {
            return null;
        }
        if (!args.isObject()) {
            return error(id, Problem.badRequest("bad_request", "\"args\" must be a JSON object"));
        }
        for (var it = args.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!h.accepts().contains(field)) {
                return error(id, Problem.badRequest("bad_request", "unknown field '" + field + "' in args of " + name + "; allowed: "
                        + h.accepts()));
            }
        }
        return null;
    }

    /** Command name and args with keys sorted and nulls left out (an absent optional arg is null). */
    private String fingerprint(String name, JsonNode args) {
        try {
            byte[] canonical = json.writeValueAsBytes(canonical(args));
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return java.util.HexFormat.of().formatHex(sha.digest(canonical));
        } catch (JsonProcessingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode canonical(JsonNode n) {
        if (n.isObject()) {
            ObjectNode sorted = json.createObjectNode();
            new java.util.TreeSet<String>(iterable(n.fieldNames())).forEach(f -> {
                if (!n.get(f).isNull()) {
                    sorted.set(f, canonical(n.get(f)));
                }
            });
            return sorted;
        }
        if (n.isArray()) {
            var out = json.createArrayNode();
            n.forEach(item -> out.add(canonical(item)));
            return out;
        }
        return n;
    }

    private static <T> java.util.List<T> iterable(java.util.Iterator<T> it) {
        java.util.List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private byte[] execute(String role, String name, String id, JsonNode args) {
        Handler h = table.get(role).get(name);
        try {
            Object data = h.handle(new Args(args, "mqtt/" + role + "/" + id));
            ObjectNode ok = json.createObjectNode();
            ok.put("id", id);
            ok.put("status", "ok");
            ok.put("code", 200);
            ok.set("data", json.valueToTree(data == null ? Map.of() : data));
            log.info("command {}/{} {} done", role, name, id);
            return bytes(ok);
        } catch (Problem e) {
            return error(id, e);
        } catch (StorageException e) {
            log.error("command {}/{} {}: storage failure", role, name, id, e);
            return error(id, Problem.unavailable("storage_unavailable", "the kiosk database is not available; try again"));
        } catch (RuntimeException e) {
            log.error("command {}/{} {} failed", role, name, id, e);
            return error(id, Problem.unavailable("unavailable", "the kiosk could not carry out the command; see its log"));
        }
    }

    /** The one mapping of a problem to a reply: its status as {@code code}, its code as {@code errorCode}. */
    private byte[] error(String id, Problem p) {
        ObjectNode n = json.createObjectNode();
        if (id == null) {
            n.putNull("id");
        } else {
            n.put("id", id);
        }
        n.put("status", "error");
        n.put("code", p.status());
        n.put("errorCode", p.code());
        n.put("error", p.getMessage());
        n.set("details", json.valueToTree(p.details()));
        return bytes(n);
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
            // The command running finishes (a ticket waiting for its print answers at once on a stop);
            // queued ones are dropped: their senders retry with the same id.
            if (!worker.awaitTermination(500, TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
