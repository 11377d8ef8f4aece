package vn.kiosk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import vn.kiosk.app.KioskApp;
import vn.kiosk.fleet.MqttConnection;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.queue.Channel;
import vn.kiosk.queue.IssueRequest;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestBroker;
import vn.kiosk.testing.TestConfigs;

/**
 * Benchmark (not a test): replay of a 10,000-event backlog after a broker outage, beside its floor,
 * a bare Paho client publishing the same payloads at QoS 1 with the same 100 in flight, to the same
 * quiet broker (errors only in its log) and the same subscriber (a persistent session, so nothing
 * published while it reconnects is lost, and no queue limit). The kiosk's clock starts when its
 * session is up, the floor's when its client has connected; both stop when the subscriber holds
 * the last message. A first, smaller outage warms the kiosk's publish path, a first floor run
 * Paho's. Also: the latency of a live event issued during the replay (behind the backlog: events go
 * out in seq order), of a command reply during the replay (not starved), and of one Paho connect.
 */
public final class EventReplayBench {

    private static final String BASE = "kiosk/phuong-ben-thanh/kiosk-01/";
    private static final int IN_FLIGHT = 100;

    public static void main(String[] args) throws Exception {
        int backlog = Integer.getInteger("bench.events", 10_000);
        Path dir = Files.createTempDirectory("kiosk-replay");
        TestBroker broker = TestBroker.quiet(dir.resolve("broker"));
        Collector collector = Collector.start(broker.url());
        broker.stop(); // the outage: the kiosk starts without its broker; the subscriber's session is kept
        KioskApp app = new KioskApp(TestConfigs.load(dir, """
                mqtt: { url: "%s", reconnectMinMillis: 200, reconnectMaxMillis: 200, telemetrySeconds: 3600 }
                devices: { printer: "" }
                """.formatted(broker.url()), Map.of("KIOSK_HTTP_PORT", String.valueOf(Ports.free()))), Clock.systemUTC()).start();
        AtomicLong connectedAt = new AtomicLong();
        MqttConnection connection = app.fleet().connection();
        connection.onState(() -> connectedAt.set(System.nanoTime()));
        try {
            replay(app, broker, collector, connectedAt, Math.min(2_000, backlog), false); // warm-up
            double floorCold = floor(broker.url(), collector, collector.payloads(backlog));
            double kiosk = replay(app, broker, collector, connectedAt, backlog, true);
            double floor = floor(broker.url(), collector, collector.payloads(backlog));
            double best = Math.min(floor, floorCold);
            System.out.printf("event replay: %d events in %.2f s (%.0f events/s) from the kiosk's connect to the last on "
                    + "the subscriber%n", backlog, kiosk, backlog / kiosk);
            System.out.printf("event replay floor (bare Paho 1.2.5, QoS 1, %d in flight, same payloads): %.2f s "
                    + "(first run %.2f s); kiosk/floor %.1fx%n", IN_FLIGHT, best, floorCold, kiosk / best);
            pahoConnect(broker.url());
        } finally {
            app.close();
            collector.close();
            broker.close();
        }
    }

    /** One outage with {@code backlog} events waiting; the seconds from the kiosk's connect to the last event received. */
    private static double replay(KioskApp app, TestBroker broker, Collector collector, AtomicLong connectedAt, int backlog,
                                 boolean report) throws Exception {
        String[] services = {"land", "civil-status", "online-help", "certification"};
        broker.stop();
        Poll.until(Duration.ofSeconds(30), "the kiosk to see the outage", () -> !app.fleet().isConnected());
        long firstSeq = collector.maxSeq() + 1;
        String lastId = null;
        for (int i = 0; i < backlog; i++) {
            lastId = app.queue().issue(IssueRequest.of(services[i % services.length], null, Channel.ROBOT)).view().id();
        }
        collector.watch(lastId);
        long connectsBefore = app.fleet().connection().connects();
        broker.start();
        Poll.until(Duration.ofSeconds(30), "the kiosk to reconnect", () -> app.fleet().connection().connects() > connectsBefore);
        if (report) {
            Poll.until(Duration.ofSeconds(60), "a tenth of the backlog", () -> collector.seqsFrom(firstSeq) >= backlog / 10);
            try (MqttProbe robot = MqttProbe.connect(broker.url()).subscribe(BASE + "reply/robot/#", 1)) {
                long liveStart = System.nanoTime();
                lastId = app.queue().issue(IssueRequest.of("land", null, Channel.ROBOT)).view().id();
                collector.watch(lastId);
                robot.publish(BASE + "cmd/robot/queue.status", "{\"id\": \"during-replay\"}");
                robot.await(Duration.ofSeconds(60), "the command reply", m -> m.topic().endsWith("reply/robot/during-replay"));
                long replyMs = (System.nanoTime() - liveStart) / 1_000_000;
                String liveId = lastId;
                Poll.until(Duration.ofSeconds(120), "the live event", () -> collector.seqOf(liveId) != 0);
                long liveMs = (collector.arrivedAt(collector.seqOf(liveId)) - liveStart) / 1_000_000;
                System.out.printf("live event issued during the replay: on the subscriber after %d ms (behind the backlog, "
                        + "in seq order)%n", liveMs);
                System.out.printf("command reply during the replay: %d ms%n", replyMs);
            }
        }
        String id = lastId;
        Poll.until(Duration.ofSeconds(120), "the whole backlog", () -> collector.seqOf(id) != 0);
        long lastSeq = collector.seqOf(id);
        long last = lastSeq;
        long missing = collector.missingBetween(firstSeq, last);
        if (missing > 0) {
            throw new IllegalStateException(missing + " events of seq " + firstSeq + " to " + last + " never arrived");
        }
        long end = collector.lastArrivalUpTo(last);
        return (end - connectedAt.get()) / 1e9;
    }

    /** A bare Paho client publishing {@code payloads} with at most 100 unacknowledged: seconds from its connect to the last received. */
    private static double floor(String url, Collector collector, List<byte[]> payloads) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(url, "bench-floor-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(IN_FLIGHT * 2);
        client.connect(o).waitForCompletion(10_000);
        String topic = BASE + "floor";
        long receivedBefore = collector.floorCount();
        Semaphore window = new Semaphore(IN_FLIGHT);
        IMqttActionListener release = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                window.release();
            }
        };
        long t0 = System.nanoTime();
        for (byte[] p : payloads) {
            window.acquire();
            MqttMessage m = new MqttMessage(p);
            m.setQos(1);
            client.publish(topic, m, null, release);
        }
        Poll.until(Duration.ofSeconds(60), "the floor's messages", () -> collector.floorCount() >= receivedBefore + payloads.size());
        double s = (collector.floorLastAt() - t0) / 1e9;
        client.disconnect().waitForCompletion(5_000);
        client.close();
        return s;
    }

    /** One Paho 1.2.5 client's connect to the local broker (TCP, CONNECT, CONNACK), a fresh client each time. */
    private static void pahoConnect(String url) throws Exception {
        int n = 10;
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < n + 2; i++) {
            long t0 = System.nanoTime();
            MqttProbe probe = MqttProbe.connect(url);
            long t = (System.nanoTime() - t0) / 1_000_000;
            probe.close();
            if (i >= 2) { // the first two load Paho's classes
                ms.add(t);
            }
        }
        Collections.sort(ms);
        System.out.printf("paho connect to a local mosquitto: median %d ms, max %d ms (%d connects)%n",
                ms.get(n / 2), ms.get(n - 1), n);
    }

    /**
     * The subscriber: a persistent session (the broker keeps what arrives while it reconnects) that
     * only notes each event's seq and arrival time, and counts the floor's messages.
     */
    private static final class Collector implements AutoCloseable {

        private final MqttAsyncClient client;
        private final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
        private final Map<Long, byte[]> payloads = new ConcurrentHashMap<>();
        private final Map<String, Long> watched = new ConcurrentHashMap<>();
        private final AtomicLong maxSeq = new AtomicLong();
        private final AtomicLong floorCount = new AtomicLong();
        private final AtomicReference<Long> floorLastAt = new AtomicReference<>(0L);

        private Collector(MqttAsyncClient client) {
            this.client = client;
        }

        static Collector start(String url) throws Exception {
            MqttAsyncClient client = new MqttAsyncClient(url, "bench-collector", new MemoryPersistence());
            Collector c = new Collector(client);
            client.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) { }

                @Override
                public void messageArrived(String topic, MqttMessage m) {
                    long now = System.nanoTime();
                    if (topic.endsWith("/floor")) {
                        c.floorCount.incrementAndGet();
                        c.floorLastAt.set(now);
                        return;
                    }
                    String text = new String(m.getPayload(), StandardCharsets.UTF_8);
                    int at = text.indexOf("\"seq\":");
                    if (at < 0) {
                        return;
                    }
                    int end = at + 6;
                    while (end < text.length() && Character.isDigit(text.charAt(end))) {
                        end++;
                    }
                    long seq = Long.parseLong(text.substring(at + 6, end));
                    c.arrivals.putIfAbsent(seq, now);
                    c.payloads.putIfAbsent(seq, m.getPayload());
                    c.maxSeq.accumulateAndGet(seq, Math::max);
                    for (Map.Entry<String, Long> w : c.watched.entrySet()) {
                        if (w.getValue() == 0 && text.contains(w.getKey())) {
                            w.setValue(seq);
                        }
                    }
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) { }
            });
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(false);
            o.setAutomaticReconnect(true);
            o.setMaxReconnectDelay(100);
            o.setMaxInflight(1000);
            client.connect(o).waitForCompletion(10_000);
            client.subscribe(new String[] {BASE + "events", BASE + "floor"}, new int[] {1, 1}).waitForCompletion(10_000);
            return c;
        }

        long maxSeq() {
            return maxSeq.get();
        }

        long seqsFrom(long first) {
            return arrivals.keySet().stream().filter(s -> s >= first).count();
        }

        /** Looks out for the event that names {@code ticketId} (its ticket.issued), so {@link #seqOf} is cheap to poll. */
        void watch(String ticketId) {
            String needle = "\"" + ticketId + "\"";
            watched.put(needle, 0L);
            payloads.forEach((seq, p) -> {
                if (new String(p, StandardCharsets.UTF_8).contains(needle)) {
                    watched.merge(needle, seq, (a, b) -> a == 0 ? b : Math.min(a, b));
                }
            });
        }

        /** The seq of the watched ticket's first event, 0 while none has arrived. */
        long seqOf(String ticketId) {
            return watched.getOrDefault("\"" + ticketId + "\"", 0L);
        }

        long arrivedAt(long seq) {
            return arrivals.getOrDefault(seq, 0L);
        }

        long missingBetween(long first, long last) {
            long missing = 0;
            for (long s = first; s <= last; s++) {
                if (!arrivals.containsKey(s)) {
                    missing++;
                }
            }
            return missing;
        }

        long lastArrivalUpTo(long last) {
            return arrivals.entrySet().stream().filter(e -> e.getKey() <= last).mapToLong(Map.Entry::getValue).max().orElse(0);
        }

        /** The newest {@code n} event payloads received, in seq order: what the floor publishes. */
        List<byte[]> payloads(int n) {
            List<Long> seqs = new ArrayList<>(payloads.keySet());
            Collections.sort(seqs);
            List<byte[]> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(payloads.get(seqs.get(Math.max(0, seqs.size() - n) + i % Math.min(n, seqs.size()))));
            }
            return out;
        }

        long floorCount() {
            return floorCount.get();
        }

        long floorLastAt() {
            return floorLastAt.get();
        }

        @Override
        public void close() throws Exception {
            client.disconnect().waitForCompletion(5_000);
            client.close();
        }
    }
}
