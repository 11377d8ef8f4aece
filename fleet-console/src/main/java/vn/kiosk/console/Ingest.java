package vn.kiosk.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.tls.TlsSockets;

/**
 * The console's one MQTT connection: a persistent session (clean session off, a fixed client id) at
 * QoS 1 on every kiosk's status, telemetry and events, so that what arrives while the console is
 * down waits at the broker. Messages are acknowledged by hand, only once the transaction that
 * stored them has committed: one writer thread takes what has arrived (up to 1,000 messages, in
 * arrival order) and stores it in one transaction, so the console keeps up with a city at a few
 * milliseconds a batch instead of a commit per message. It also carries the technicians' commands.
 */
final class Ingest implements MqttCallbackExtended, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Ingest.class);
    static final String[] FILTERS = {"kiosk/+/+/status", "kiosk/+/+/telemetry", "kiosk/+/+/events", "kiosk/+/+/reply/tech/+"};

    private final Fleet fleet;
    private final MqttClient client;
    private final MqttConnectOptions options;
    private final Map<String, CompletableFuture<byte[]>> replies = new ConcurrentHashMap<>();
    private final java.util.concurrent.BlockingQueue<Arrived> arrived = new java.util.concurrent.LinkedBlockingQueue<>();
    private final Thread writer = new Thread(this::write, "fleet-ingest");
    private volatile boolean closed;

    /** A message to store and then acknowledge. */
    private record Arrived(Fleet.Incoming message, int id, int qos) { }

    Ingest(ConsoleOptions o, Fleet fleet) throws MqttException {
        this.fleet = fleet;
        this.client = new MqttClient(o.broker(), o.clientId(), new MemoryPersistence());
        this.options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setKeepAliveInterval(30);
        options.setMaxInflight(1000);
        client.setManualAcks(true);
        if (o.broker().startsWith("ssl://")) {
            try {
                options.setSocketFactory(TlsSockets.factory(o.caFile(), o.certFile(), o.keyFile()));
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot set up TLS to the broker from --ca-file/--cert-file/--key-file: "
                        + e.getMessage(), e);
            }
        }
        if (o.mqttUser() != null) {
            options.setUserName(o.mqttUser());
            options.setPassword(o.mqttPassword() == null ? new char[0] : o.mqttPassword().toCharArray());
        }
        client.setCallback(this);
    }

    Ingest start() throws MqttException {
        writer.setDaemon(true);
        writer.start();
        client.connect(options);
        subscribe();
        return this;
    }

    /** Stores what has arrived, a batch at a time, and acknowledges it once committed; a failed batch is retried. */
    private void write() {
        List<Arrived> batch = new ArrayList<>();
        while (!closed) {
            try {
                if (batch.isEmpty()) {
                    Arrived first = arrived.poll(500, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    arrived.drainTo(batch, 999);
                }
                fleet.process(batch.stream().map(Arrived::message).toList());
                for (Arrived a : batch) {
                    if (a.qos() > 0) {
                        client.messageArrivedComplete(a.id(), a.qos());
                    }
                }
                batch.clear();
            } catch (InterruptedException e) {
                return;
            } catch (MqttException e) {
                log.warn("acknowledging stored messages failed ({}); the broker sends them again, and they are stored once",
                        e.getMessage());
                batch.clear();
            } catch (RuntimeException e) {
                log.error("storing {} messages failed; trying again in a second", batch.size(), e);
                try {
                    Thread.sleep(1000); // a retry interval for a database that went away
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void subscribe() throws MqttException {
        client.subscribe(FILTERS, new int[] {1, 1, 1, 1});
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        log.info("{} the broker {}", reconnect ? "reconnected to" : "connected to", serverURI);
        if (reconnect) {
            try {
                subscribe(); // a broker that lost the session (restarted without persistence) has no subscription
            } catch (MqttException e) {
                log.warn("subscribing again failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        String[] t = topic.split("/");
        if (t.length == 4) {
            arrived.add(new Arrived(new Fleet.Incoming(t[1], t[2], t[3], message.getPayload()), message.getId(),
                    message.getQos()));
            return; // acknowledged once stored
        }
        if (t.length == 6 && t[3].equals("reply")) {
            CompletableFuture<byte[]> waiting = replies.remove(t[1] + "/" + t[2] + "/" + t[5]);
            if (waiting != null) {
                waiting.complete(message.getPayload());
            }
        }
        acknowledge(message);
    }

    /** Publishes a tech command to one kiosk; the future completes with its reply. */
    CompletableFuture<byte[]> command(String site, String device, String name, String requestId, byte[] request)
            throws MqttException {
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        String key = site + "/" + device + "/" + requestId;
        replies.put(key, reply);
        reply.whenComplete((r, e) -> replies.remove(key));
        client.publish("kiosk/" + site + "/" + device + "/cmd/tech/" + name, request, 1, false);
        return reply;
    }

    private void acknowledge(MqttMessage message) {
        if (message.getQos() > 0) {
            try {
                client.messageArrivedComplete(message.getId(), message.getQos());
            } catch (MqttException e) {
                log.debug("acknowledging a reply: {}", e.getMessage());
            }
        }
    }

    boolean connected() {
        return client.isConnected();
    }

    @Override
    public void connectionLost(Throwable cause) {
        log.warn("lost the broker ({}); reconnecting", cause == null ? "?" : cause.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // commands are QoS 1; their answer is the kiosk's reply
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (client.isConnected()) {
                client.disconnect(2000);
            }
            client.close();
        } catch (MqttException e) {
            log.debug("closing the MQTT client: {}", e.getMessage());
        }
    }
}
