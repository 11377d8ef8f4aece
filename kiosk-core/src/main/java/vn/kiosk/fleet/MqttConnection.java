package vn.kiosk.fleet;

import vn.kiosk.tls.TlsSockets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 3.1.1 session to the fleet broker, kept up by our own loop rather than Paho's
 * automatic reconnect (which never retries a failed first connect and backs off in lock-step
 * across a fleet). Clean sessions and memory persistence: Paho's own persistence is wiped by a
 * clean session anyway; durability is the SQLite outbox's job. On connect: the command
 * subscriptions, then the retained online status. The Will says offline if the kiosk dies; a clean stop
 * says it itself.
 *
 * <p>Link check: a session can look connected and hear nothing (Paho's receive thread dies on a topic
 * it cannot decode or a message too large for the heap, and Paho notices only at the next keep-alive
 * timeout, about a minute later). So the kiosk publishes a small message to its own {@code ping}
 * topic every {@value #PING_EVERY_MS} ms; when one is not heard back through the broker within
 * {@value #ECHO_DEADLINE_MS} ms the link counts as down (the self-test says so) and is replaced.
 *
 * <p>Every attempt gets a new Paho client, and the one before is closed: a Paho 1.2.5 client can
 * be left "connecting" for good, and then refuses every later connect. A broker that takes the
 * connection and never answers CONNECT does that (the attempt is given {@code
 * connectTimeoutSeconds}); so can a race in reusing a client: its callback thread's stop() returns
 * before the thread has ended, and a connect that starts it in that window starts nothing and
 * waits for it forever.
 */
public final class MqttConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);
    private static final long OPERATION_TIMEOUT_MS = 10_000;
    /** What a stop may spend saying offline and disconnecting. */
    private static final long CLOSE_MILLIS = 1_000;
    static final long PING_EVERY_MS = 2_000;
    static final long ECHO_DEADLINE_MS = 3_000;

    /** Connection settings, resolved from the configuration. */
    public record Settings(String url, String clientId, String username, String password, Path caFile, Path certFile,
                           Path keyFile, int keepAliveSeconds, int connectTimeoutSeconds, Backoff backoff) { }

    public interface StateListener {
        void connected();

        default void disconnected() { }
    }

    private final Settings settings;
    private final Topics topics;
    private final byte[] online;
    private final byte[] offline;
    private final BiConsumer<String, byte[]> onCommand;
    private final String[] subscriptions;
    private final List<StateListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** This attempt's client; replaced (under the lock, never after close) for the next. */
    private volatile MqttAsyncClient client;
    private final Thread loop;
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile boolean lost;
    private volatile long connects;
    /** System.nanoTime() of the oldest ping not heard back yet; 0 = none outstanding. */
    private volatile long unansweredSince;
    private volatile long echoes;
    private long lastPing;

    /** @param commandFilters the topics to subscribe to for commands (see {@link Topics#commandFilters}) */
    public MqttConnection(Settings settings, Topics topics, List<String> commandFilters, String onlineJson,
                          String offlineJson, BiConsumer<String, byte[]> onCommand) throws MqttException {
        this.settings = settings;
        this.topics = topics;
        List<String> all = new java.util.ArrayList<>(commandFilters);
        all.add(topics.ping());
        this.subscriptions = all.toArray(String[]::new);
        this.online = onlineJson.getBytes(StandardCharsets.UTF_8);
        this.offline = offlineJson.getBytes(StandardCharsets.UTF_8);
        this.onCommand = onCommand;
        this.client = newClient();
        this.loop = new Thread(this::run, "mqtt-connect");
        loop.setDaemon(true);
    }

    private MqttAsyncClient newClient() throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(pahoUrl(settings.url()), settings.clientId(), new MemoryPersistence());
        c.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                log.warn("fleet broker connection lost: {}", cause == null ? "?" : cause.getMessage());
                signalLost(c);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                if (topic.equals(topics.ping())) {
                    if (c == client) {
                        unansweredSince = 0;
                        echoes++;
                    }
                    return;
                }
                onCommand.accept(topic, message.getPayload()); // hands off; never blocks Paho's thread
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // tokens are awaited by the publishers
            }
        });
        return c;
    }

    public MqttConnection start() {
        loop.start();
        return this;
    }

    public void onState(StateListener l) {
        listeners.add(l);
    }

    /** Connected, subscribed, and the last link check came back in time. */
    public boolean isConnected() {
        return connected && client.isConnected() && !silent();
    }

    private boolean silent() {
        long since = unansweredSince;
        return since != 0 && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(ECHO_DEADLINE_MS);
    }

    /** The topic filters subscribed to on each connect, commands and the link check. */
    List<String> subscriptions() {
        return List.of(subscriptions);
    }

    /** How many link checks came back (for tests). */
    long echoes() {
        return echoes;
    }

    /** How many times a session was established (for tests and telemetry). */
    public long connects() {
        return connects;
    }

    /** Publishes if connected; throws when not. */
    public IMqttDeliveryToken publish(String topic, byte[] payload, int qos, boolean retained) throws MqttException {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        m.setRetained(retained);
        return client.publish(topic, m);
    }

    /**
     * Publishes at QoS 1 if connected (throws when not); the future completes on Paho's callback
     * thread when the broker's PUBACK arrives, or exceptionally when the session ends first.
     */
    public CompletableFuture<Void> publishAcknowledged(String topic, byte[] payload) throws MqttException {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        client.publish(topic, message(payload, false), null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                acked.complete(null);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                acked.completeExceptionally(cause);
            }
        });
        return acked;
    }

    private void run() {
        int failures = 0;
        sleep(settings.backoff().firstDelay());
        while (!closed) {
            MqttAsyncClient attempt = client;
            try {
                lost = false;
                attempt.connect(options()).waitForCompletion(settings.connectTimeoutSeconds() * 1000L);
                // Subscribe before saying online: "online" promises that commands are heard.
                int[] qos = new int[subscriptions.length];
                java.util.Arrays.fill(qos, 1);
                attempt.subscribe(subscriptions, qos).waitForCompletion(OPERATION_TIMEOUT_MS);
                attempt.publish(topics.status(), message(online, true)).waitForCompletion(OPERATION_TIMEOUT_MS);
                connects++;
                failures = 0;
                unansweredSince = 0;
                lastPing = System.nanoTime();
                setConnected(true);
                log.info("connected to the fleet broker {} as {}", settings.url(), settings.clientId());
                awaitLoss(attempt);
            } catch (MqttException e) {
                if (!closed) {
                    log.info("fleet broker {} not reachable ({}); retrying", settings.url(), reason(e));
                }
            }
            setConnected(false);
            if (!retire(attempt)) {
                return;
            }
            sleep(settings.backoff().delay(failures++));
        }
    }

    /**
     * Ends an attempt whatever state Paho left it in (a silent link is still "connected" for Paho;
     * an unanswered CONNECT leaves it "connecting") and puts a new client in its place.
     *
     * <p>Under the lock, so that close() finds either this attempt's client untouched (and says
     * offline on it) or the next one.
     *
     * @return false when the connection is closing (close() retires the last client itself)
     */
    private boolean retire(MqttAsyncClient old) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            try {
                if (old.isConnected()) {
                    old.disconnectForcibly(0, 1000);
                } else {
                    old.disconnectForcibly(0, 0, false);
                }
            } catch (MqttException ignored) {
                // already down
            }
            try {
                old.close(true);
            } catch (MqttException e) {
                log.debug("an ended MQTT client did not close: {}", e.getMessage());
            }
            client = newClient();
            return true;
        } catch (MqttException e) {
            throw new IllegalStateException("a new MQTT client for " + settings.url(), e); // the same URL was taken before
        } finally {
            lock.unlock();
        }
    }

    private MqttConnectOptions options() throws MqttException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(settings.keepAliveSeconds());
        o.setConnectionTimeout(settings.connectTimeoutSeconds());
        o.setMaxInflight(200);
        o.setWill(topics.status(), offline, 1, true);
        if (settings.username() != null && !settings.username().isEmpty()) {
            o.setUserName(settings.username());
            o.setPassword(settings.password() == null ? new char[0] : settings.password().toCharArray());
        }
        // no message over the command limit is ever whole in memory (see BoundedPackets)
        if (settings.url().startsWith("ssl://")) {
            try {
                o.setSocketFactory(BoundedSockets.tls(TlsSockets.factory(settings.caFile(), settings.certFile(),
                        settings.keyFile()), java.net.URI.create(settings.url()).getHost(), CommandRouter.MAX_PAYLOAD));
            } catch (Exception e) {
                throw new MqttException(MqttException.REASON_CODE_SSL_CONFIG_ERROR, e);
            }
        } else if (settings.url().startsWith("tcp://")) {
            o.setSocketFactory(BoundedSockets.plain(CommandRouter.MAX_PAYLOAD));
        }
        return o;
    }

    /** TLS is done by BoundedSockets over what Paho takes for a plain TCP connection (the default port stays 8883). */
    private static String pahoUrl(String url) {
        if (!url.startsWith("ssl://")) {
            return url;
        }
        java.net.URI uri = java.net.URI.create(url);
        return "tcp://" + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 8883);
    }

    private static MqttMessage message(byte[] payload, boolean retained) {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        m.setRetained(retained);
        return m;
    }

    private void awaitLoss(MqttAsyncClient session) {
        lock.lock();
        try {
            while (!lost && !closed && session.isConnected()) {
                changed.await(250, TimeUnit.MILLISECONDS);
                if (silent()) {
                    log.warn("fleet broker link silent: a link check published {} ms ago was not heard back "
                            + "(Paho's receiver stuck or dead); reconnecting", ECHO_DEADLINE_MS);
                    return;
                }
                ping(session);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Publishes a link check when one is due; QoS 0: it either comes back or the link is not working. */
    private void ping(MqttAsyncClient session) {
        long now = System.nanoTime();
        if (now - lastPing < TimeUnit.MILLISECONDS.toNanos(PING_EVERY_MS)) {
            return;
        }
        lastPing = now;
        if (unansweredSince == 0) {
            unansweredSince = now;
        }
        try {
            MqttMessage m = new MqttMessage(new byte[] {'1'});
            m.setQos(0);
            session.publish(topics.ping(), m);
        } catch (MqttException e) {
            log.debug("link check not sent: {}", e.getMessage()); // the deadline decides
        }
    }

    private void signalLost(MqttAsyncClient from) {
        lock.lock();
        try {
            if (from != client) {
                return; // a late word from an earlier attempt must not end this one
            }
            lost = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void setConnected(boolean value) {
        boolean was;
        lock.lock();
        try {
            was = connected;
            connected = value;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (was != value) {
            for (StateListener l : listeners) {
                try {
                    if (value) {
                        l.connected();
                    } else {
                        l.disconnected();
                    }
                } catch (RuntimeException e) {
                    log.warn("connection listener failed", e);
                }
            }
        }
    }

    private static String reason(MqttException e) {
        Throwable cause = e.getCause();
        return e.getMessage() + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : "");
    }

    private void sleep(long millis) {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while (!closed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Says offline (retained) itself, disconnects and releases Paho's threads, within about a
     * second: a broker that stopped answering gets no longer (its Will says offline for us).
     */
    @Override
    public void close() {
        boolean wasConnected = isConnected(); // before the loop, woken, says disconnected
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        long deadline = System.currentTimeMillis() + CLOSE_MILLIS;
        if (wasConnected) {
            try {
                client.publish(topics.status(), message(offline, true)).waitForCompletion(left(deadline));
                client.disconnect(0).waitForCompletion(left(deadline));
            } catch (MqttException e) {
                log.debug("clean disconnect failed: {}", e.getMessage());
            }
        }
        try {
            client.disconnectForcibly(0, 100, false); // also ends a connect the broker never answered
        } catch (MqttException e) {
            log.debug("forced disconnect: {}", e.getMessage());
        }
        try {
            loop.join(Math.max(1, left(deadline)));
            client.close(true);
        } catch (MqttException | InterruptedException e) {
            log.debug("closing the MQTT client: {}", e.getMessage());
        }
    }

    private static long left(long deadline) {
        return Math.max(50, deadline - System.currentTimeMillis());
    }
}
