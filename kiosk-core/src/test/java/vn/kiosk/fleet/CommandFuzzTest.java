package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.app.KioskApp;
import vn.kiosk.json.Json;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.RunningKiosk;
import vn.kiosk.testing.TestBroker;

/**
 * 2,000 mutated commands (topics and payloads) from a fixed seed: each one on a subscribed topic gets
 * exactly one reply, on {@code reply/{role}/{id}} when its id can be read and {@code reply/{role}/invalid}
 * otherwise; each one on a topic the kiosk does not subscribe to (an unknown name, a wrong role, an
 * extra level) is deliberately not answered, as the broker never delivers it. Afterwards the kiosk
 * still answers. {@code -Dfuzz.seed=N} replays a run; {@code -Dfuzz.count=N} changes its size.
 */
class CommandFuzzTest {

    private static final String BASE = "kiosk/phuong-ben-thanh/kiosk-01/";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String[] ROLES = {"robot", "counter", "tech"};
    /** Harmless to run thousands of times (no restart, no printing, no log level, no pour). */
    private static final String[] NAMES = {"ticket.issue", "queue.status", "services.list", "counter.next",
            "ticket.complete", "ticket.no_show", "ticket.recall", "maintenance.set"};
    private static final String[] UNKNOWN = {"self.destruct", "TICKET.ISSUE", "ticket..issue", "ticket.issue/x", "vé.lấy",
            "ticket_issue", " ticket.issue", "config", "a-b-c", "queue.status.", "\u00e9",
            "\uD83D\uDE00", "ticket.issue\uD83E\uDD16"}; // Paho cannot decode the last two: never subscribed, never delivered
    private static final String[] FIELDS = {"serviceId", "priority", "counterId", "services", "ticketId", "on", "colour", ""};

    private final ObjectMapper json = Json.newMapper();
    private final long seed = Long.getLong("fuzz.seed", 20_261_201L);
    private final int count = Integer.getInteger("fuzz.count", 2_000);

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();

    private record Input(String topic, byte[] payload) { }

    @Test
    void everyMutatedCommandGetsOneReplyOrADeliberateSilence() throws Exception {
        try (TestBroker broker = TestBroker.start(kiosk.dir().resolve("broker"))) {
            KioskApp app = kiosk.start("""
                    mqtt: { url: "%s", reconnectMinMillis: 20, reconnectMaxMillis: 300, telemetrySeconds: 3600 }
                    devices: { printer: "" }
                    """.formatted(broker.url())).app();
            try (MqttProbe robot = MqttProbe.connect(broker.url()).subscribe(BASE + "reply/#", 1)) {
                Poll.until(Duration.ofSeconds(10), "the kiosk to connect", () -> app.fleet().isConnected());
                Set<String> subscribed = Set.copyOf(app.fleet().connection().subscriptions());
                Random random = new Random(seed);
                Map<String, Integer> expected = new TreeMap<>();
                long silent = 0;
                for (int i = 0; i < count; i++) {
                    Input in = input(random, i);
                    boolean outsideBasicPlane = in.topic().codePoints().anyMatch(Character::isSupplementaryCodePoint);
                    if (outsideBasicPlane && !TestBroker.mosquittoInstalled()) {
                        continue; // needs mosquitto_pub
                    }
                    if (subscribed.contains(in.topic())) {
                        expected.merge(replyTopic(in), 1, Integer::sum);
                    } else {
                        silent++;
                    }
                    if (outsideBasicPlane) {
                        PoisonTopicTest.mosquittoPub(broker.port(), in.topic(), in.payload());
                    } else {
                        robot.publish(in.topic(), in.payload());
                    }
                }
                System.out.printf("fuzz seed %d: %d inputs, %d on topics not subscribed to, %d reply topics%n", seed, count,
                        silent, expected.size());
                robot.publish(BASE + "cmd/robot/queue.status", "{\"id\": \"fuzz-done\"}");
                expected.merge(BASE + "reply/robot/fuzz-done", 1, Integer::sum);
                String what = count + " inputs (" + silent + " deliberately unanswered), seed " + seed
                        + " (replay with -Dfuzz.seed=" + seed + ")";
                try {
                    Poll.until(Duration.ofSeconds(60), "a reply to each of " + what, () -> expected.equals(received(robot)));
                } catch (AssertionError e) {
                    Map<String, Integer> got = received(robot);
                    Map<String, String> diff = new TreeMap<>();
                    expected.forEach((t, n) -> {
                        if (!n.equals(got.get(t))) {
                            diff.put(t, "expected " + n + ", got " + got.get(t));
                        }
                    });
                    got.forEach((t, n) -> diff.putIfAbsent(t, expected.containsKey(t) ? null : "unexpected " + n));
                    diff.values().removeIf(v -> v == null);
                    throw new AssertionError(e.getMessage() + "; differences: " + diff, e);
                }
                robot.publish(BASE + "cmd/robot/ticket.issue", "{\"id\": \"fuzz-after\", \"args\": {\"serviceId\": \"land\"}}");
                JsonNode after = robot.await(Duration.ofSeconds(5), "a ticket after the fuzz (seed " + seed + ")",
                        m -> m.topic().equals(BASE + "reply/robot/fuzz-after")).json();
                assertEquals(200, after.get("code").asInt(), "seed " + seed + ": " + after);
            } finally {
                kiosk.stop(); // before the broker goes
            }
        }
    }

    private static Map<String, Integer> received(MqttProbe probe) {
        Map<String, Integer> got = new TreeMap<>();
        probe.received().forEach(m -> got.merge(m.topic(), 1, Integer::sum));
        return got;
    }

    /** Where the kiosk answers a delivered input: its id's reply topic, or invalid when no id can be read. */
    private String replyTopic(Input in) {
        String role = in.topic().substring((BASE + "cmd/").length()).split("/", -1)[0];
        String invalid = BASE + "reply/" + role + "/invalid";
        if (in.payload().length > CommandRouter.MAX_PAYLOAD) {
            return invalid;
        }
        try {
            JsonNode n = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(in.payload());
            JsonNode id = n == null ? null : n.get("id");
            return n != null && n.isObject() && id != null && id.isTextual() && REQUEST_ID.matcher(id.asText()).matches()
                    ? BASE + "reply/" + role + "/" + id.asText() : invalid;
        } catch (java.io.IOException e) {
            return invalid;
        }
    }

    private Input input(Random r, int i) throws Exception {
        String role = ROLES[r.nextInt(ROLES.length)];
        String name = switch (r.nextInt(10)) {
            case 0 -> UNKNOWN[r.nextInt(UNKNOWN.length)];
            case 1 -> "";
            case 2 -> NAMES[r.nextInt(NAMES.length)].replace('.', '-');
            default -> NAMES[r.nextInt(NAMES.length)];
        };
        String topicRole = r.nextInt(40) == 0 ? "admin" : role;
        String topic = BASE + "cmd/" + topicRole + "/" + name;
        return new Input(topic, payload(r, i));
    }

    private byte[] payload(Random r, int i) throws Exception {
        ObjectNode request = json.createObjectNode();
        String id = "f-" + i;
        switch (r.nextInt(12)) {
            case 0 -> request.put("id", i); // a number
            case 1 -> { } // no id
            case 2 -> request.put("id", "has space " + i);
            case 3 -> request.put("id", "x".repeat(65));
            case 4 -> request.put("id", "f-" + r.nextInt(Math.max(1, i))); // an id used before, maybe for another request
            default -> request.put("id", id);
        }
        if (r.nextInt(6) != 0) {
            request.set("args", args(r));
        }
        byte[] bytes = json.writeValueAsBytes(request);
        return switch (r.nextInt(10)) {
            case 0 -> flip(r, bytes);
            case 1 -> java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length + 1)); // truncated
            case 2 -> raw(r, bytes);
            default -> bytes;
        };
    }

    private JsonNode args(Random r) {
        ObjectNode args = json.createObjectNode();
        switch (r.nextInt(8)) {
            case 0 -> {
                return json.getNodeFactory().textNode("land");
            }
            case 1 -> {
                return json.createArrayNode().add(1);
            }
            default -> { }
        }
        int fields = r.nextInt(4);
        for (int f = 0; f < fields; f++) {
            String field = FIELDS[r.nextInt(FIELDS.length)];
            switch (r.nextInt(9)) {
                case 0 -> args.put(field, r.nextInt());
                case 1 -> args.put(field, r.nextBoolean());
                case 2 -> args.putNull(field);
                case 3 -> args.set(field, json.createArrayNode().add("land").add(7));
                case 4 -> args.put(field, "x".repeat(r.nextInt(5000)));
                case 5 -> args.put(field, 1.5);
                case 6 -> args.put(field, "4");
                default -> args.put(field, field.equals("on") ? "false" : "land");
            }
        }
        if (r.nextInt(3) == 0) {
            args.put("serviceId", "land");
        }
        return args;
    }

    private static byte[] flip(Random r, byte[] bytes) {
        byte[] b = bytes.clone();
        for (int k = 0, n = 1 + r.nextInt(4); k < n && b.length > 0; k++) {
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
        return b;
    }

    /** Inputs no serialiser writes: duplicate keys, deep nesting, bad UTF-8, oversized, empty. */
    private static byte[] raw(Random r, byte[] valid) {
        String text = switch (r.nextInt(7)) {
            case 0 -> "{\"id\": \"dup-" + r.nextInt(1000) + "\", \"id\": \"other\"}";
            case 1 -> "[".repeat(5000) + "]".repeat(5000);
            case 2 -> "";
            case 3 -> "null";
            case 4 -> new String(valid, StandardCharsets.UTF_8) + " trailing";
            case 5 -> "{\"id\": \"big-" + r.nextInt(1000) + "\", \"args\": {\"serviceId\": \"" + "x".repeat(70_000) + "\"}}";
            default -> null;
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        List<Byte> out = new ArrayList<>();
        for (byte b : valid) {
            out.add(b);
        }
        out.add(r.nextInt(out.size() + 1), (byte) 0xC3); // a lone UTF-8 lead byte
        byte[] b = new byte[out.size()];
        for (int k = 0; k < b.length; k++) {
            b[k] = out.get(k);
        }
        return b;
    }
}
