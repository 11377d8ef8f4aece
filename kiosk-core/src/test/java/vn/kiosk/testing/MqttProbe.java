package vn.kiosk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import vn.kiosk.hw.testing.Poll;

/** The far side of the fleet link in tests: a robot, counter, technician or event collector. */
public final class MqttProbe implements AutoCloseable {

    public record Message(String topic, String text, boolean retained) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not JSON on " + topic + ": " + text);
            }
        }
    }

    private final MqttClient client;
    private final MqttConnectOptions options;
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final List<String[]> subscriptions = new CopyOnWriteArrayList<>();

    private MqttProbe(String url, String clientId, String user, String password, boolean persistentSession) throws MqttException {
        client = new MqttClient(url, clientId, new MemoryPersistence());
        options = new MqttConnectOptions();
        options.setCleanSession(!persistentSession);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(500);
        options.setConnectionTimeout(5);
        // Paho frees an in-flight slot on its callback thread after publish() has returned: a fast
        // sender with many messages arriving would otherwise hit "too many publishes in progress"
        options.setMaxInflight(1000);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                if (reconnect && !persistentSession) {
                    for (String[] s : subscriptions) {
                        try {
                            client.subscribe(s[0], Integer.parseInt(s[1]));
                        } catch (MqttException ignored) {
                            // next reconnect
                        }
                    }
                }
            }

            @Override
            public void connectionLost(Throwable cause) { }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                received.add(new Message(topic, new String(m.getPayload(), StandardCharsets.UTF_8), m.isRetained()));
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) { }
        });
        // A broker that has just started may drop the very first connection: try again for a while.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                client.connect(options);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    public static MqttProbe connect(String url) throws MqttException {
        return new MqttProbe(url, "probe-" + UUID.randomUUID().toString().substring(0, 8), null, null, false);
    }

    public static MqttProbe connect(String url, String user, String password) throws MqttException {
        return new MqttProbe(url, "probe-" + UUID.randomUUID().toString().substring(0, 8), user, password, false);
    }

    /** A subscriber whose QoS 1 messages the broker keeps while it is away (and across broker restarts). */
    public static MqttProbe persistent(String url, String clientId) throws MqttException {
        return new MqttProbe(url, clientId, null, null, true);
    }

    /** Subscribes; a connection lost meanwhile (a broker just started may drop the first one) is retried. */
    public MqttProbe subscribe(String filter, int qos) throws MqttException {
        subscriptions.add(new String[] {filter, Integer.toString(qos)});
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                client.subscribe(filter, qos);
                return this;
            } catch (MqttException e) {
                boolean lost = e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST
                        || e.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED;
                if (!lost || System.nanoTime() > deadline) {
                    throw e;
                }
                Poll.until(java.time.Duration.ofSeconds(10), "the probe to reconnect", client::isConnected);
            }
        }
    }

    public void publish(String topic, String payload) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    public void publish(String topic, byte[] payload) throws MqttException {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        client.publish(topic, m);
    }

    public List<Message> received() {
        return new ArrayList<>(received);
    }

    public Message await(Duration timeout, String what, Predicate<Message> match) {
        Message[] found = new Message[1];
        Poll.until(timeout, what, () -> {
            for (Message m : received) {
                if (match.test(m)) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
            client.close();
        } catch (MqttException ignored) {
            // test over
        }
    }
}
