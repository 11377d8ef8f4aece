package vn.kiosk.fleet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
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
 * subscription, then the retained online status. The Will says offline if the kiosk dies; a clean stop
 * says it itself.
 */
public final class MqttConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);
    private static final long OPERATION_TIMEOUT_MS = 10_000;
    /** What a stop may spend saying offline and disconnecting. */
    private static final long CLOSE_MILLIS = 1_000;

    /** Connection settings, resolved from the configuration. */
    public record Settings(String url, String clientId, String username, String password, Path caFile, Path certFile,
                           Path keyFile, int keepAliveSeconds, Backoff backoff) { }

    public interface StateListener {
        void connected();

        default void disconnected() { }
    }

    private final Settings settings;
    private final Topics topics;
    private final byte[] online;
    private final byte[] offline;
    private final BiConsumer<String, byte[]> onCommand;
    private final List<StateListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final MqttAsyncClient client;
    private final Thread loop;
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile boolean lost;
    private volatile long connects;

    public MqttConnection(Settings settings, Topics topics, String onlineJson, String offlineJson,
                          BiConsumer<String, byte[]> onCommand) throws MqttException {
        this.settings = settings;
        this.topics = topics;
        this.online = onlineJson.getBytes(StandardCharsets.UTF_8);
        this.offline = offlineJson.getBytes(StandardCharsets.UTF_8);
        this.onCommand = onCommand;
        this.client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                log.warn("fleet broker connection lost: {}", cause == null ? "?" : cause.getMessage());
                signalLost();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                onCommand.accept(topic, message.getPayload()); // hands off; never blocks Paho's thread
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // tokens are awaited by the publishers
            }
        });
        this.loop = new Thread(this::run, "mqtt-connect");
        loop.setDaemon(true);
    }

    public MqttConnection start() {
        loop.start();
        return this;
    }

    public void onState(StateListener l) {
        listeners.add(l);
    }

    public boolean isConnected() {
        return connected && client.isConnected();
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

    private void run() {
        int attempt = 0;
        sleep(settings.backoff().firstDelay());
        while (!closed) {
            try {
                lost = false;
                client.connect(options()).waitForCompletion(OPERATION_TIMEOUT_MS + settings.keepAliveSeconds() * 1000L);
                // Subscribe before saying online: "online" promises that commands are heard.
                client.subscribe(topics.commands(), 1).waitForCompletion(OPERATION_TIMEOUT_MS);
                client.publish(topics.status(), message(online, true)).waitForCompletion(OPERATION_TIMEOUT_MS);
                connects++;
                attempt = 0;
                setConnected(true);
                log.info("connected to the fleet broker {} as {}", settings.url(), settings.clientId());
                awaitLoss();
            } catch (MqttException e) {
                if (!closed) {
                    log.info("fleet broker {} not reachable ({}); retrying", settings.url(), reason(e));
                }
                disconnectQuietly();
            }
            setConnected(false);
            if (!closed) {
                sleep(settings.backoff().delay(attempt++));
            }
        }
    }

    private MqttConnectOptions options() throws MqttException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(settings.keepAliveSeconds());
        o.setConnectionTimeout(10);
        o.setMaxInflight(200);
        o.setWill(topics.status(), offline, 1, true);
        if (settings.username() != null && !settings.username().isEmpty()) {
            o.setUserName(settings.username());
            o.setPassword(settings.password() == null ? new char[0] : settings.password().toCharArray());
        }
        if (settings.url().startsWith("ssl://")) {
            try {
                o.setSocketFactory(TlsSockets.factory(settings.caFile(), settings.certFile(), settings.keyFile()));
            } catch (Exception e) {
                throw new MqttException(MqttException.REASON_CODE_SSL_CONFIG_ERROR, e);
            }
        }
        return o;
    }

    private static MqttMessage message(byte[] payload, boolean retained) {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        m.setRetained(retained);
        return m;
    }

    private void awaitLoss() {
        lock.lock();
        try {
            while (!lost && !closed && client.isConnected()) {
                changed.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void signalLost() {
        lock.lock();
        try {
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

    private void disconnectQuietly() {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000);
            }
        } catch (MqttException ignored) {
            // already down
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
        boolean wasConnected = isConnected();
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
            if (client.isConnected()) {
                client.disconnectForcibly(0, 100, false);
            }
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
