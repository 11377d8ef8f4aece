package vn.kiosk.console.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.fleet.messages.DeviceStateEventData;
import vn.kiosk.fleet.messages.FleetEvent;
import vn.kiosk.fleet.messages.KioskStatus;

/**
 * One simulated kiosk on its own MQTT session, publishing what a real kiosk publishes: the retained
 * online status after subscribing (offline as the Will), retained telemetry, events from its outbox
 * and replies to technician commands. All its timed work runs on the sim's shared scheduler; Paho's
 * threads only hand work over, so a slow step never stalls a connection's receive loop.
 */
final class SimKiosk {

    private static final Logger log = LoggerFactory.getLogger(SimKiosk.class);
    /** As the real kiosk's default backlog bound would allow a few hours offline at this rate. */
    private static final int OUTBOX_CAPACITY = 1_000;
    private static final long RETRY_MIN_MS = 2_000;
    private static final long RETRY_MAX_MS = 10_000;
    /** One event in this many is a cup of water (a few citizens in ten take one). */
    private static final int DRINK_SHARE = 5;

    private final SimTopics topics;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final ObjectMapper json;
    private final ScheduledExecutorService scheduler;
    private final SimStats stats;
    private final SimQueue queue = new SimQueue();
    private final SimDevices devices = new SimDevices();
    private final SimOutbox outbox = new SimOutbox(OUTBOX_CAPACITY);
    private final AtomicBoolean maintenance = new AtomicBoolean();
    private final SimTelemetry telemetry;
    private final SimTechCommands commands;
    private final byte[] online;
    private final AtomicBoolean connected = new AtomicBoolean();
    private volatile boolean dropped;
    private volatile boolean stopping;

    SimKiosk(SimTopics topics, SimOptions o, ObjectMapper json, ScheduledExecutorService scheduler, SimStats stats)
            throws MqttException {
        this.topics = topics;
        this.json = json;
        this.scheduler = scheduler;
        this.stats = stats;
        Instant startedAt = Instant.now();
        this.telemetry = new SimTelemetry(startedAt, ThreadLocalRandom.current());
        this.commands = new SimTechCommands(json, devices, queue, maintenance,
                () -> telemetry.report(Instant.now(), queue, devices, outbox, maintenance.get()));
        this.online = bytes(KioskStatus.onlineSince(SimTelemetry.VERSION, startedAt));
        // keep-alive pings on the shared scheduler rather than a Timer thread per kiosk
        this.client = new MqttAsyncClient(o.broker(), "sim-" + topics.site() + "-" + topics.device(),
                new MemoryPersistence(), new ScheduledExecutorPingSender(scheduler));
        this.options = options(o);
        client.setCallback(new Callback());
    }

    private MqttConnectOptions options(SimOptions o) {
        MqttConnectOptions m = new MqttConnectOptions();
        m.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        m.setCleanSession(true);
        m.setAutomaticReconnect(true);
        m.setMaxReconnectDelay(30_000);
        m.setKeepAliveInterval(30);
        m.setConnectionTimeout(10);
        m.setMaxInflight(o.maxInflight());
        m.setWill(topics.status(), bytes(KioskStatus.offline()), 1, true);
        return m;
    }

    SimTopics topics() {
        return topics;
    }

    boolean isConnected() {
        return connected.get();
    }

    /** First connect; {@code attempted} runs once it succeeded or failed (the sim then connects the next batch). */
    void connect(Runnable attempted) {
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    attempted.run(); // the session is set up in connectComplete
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    attempted.run();
                    retryLater(e);
                }
            });
        } catch (MqttException e) {
            attempted.run();
            retryLater(e);
        }
    }

    /** Paho's automatic reconnect covers lost sessions only, not a connect that never succeeded. */
    private void retryLater(Throwable cause) {
        if (stopping) {
            return;
        }
        log.debug("{} not connected ({}); retrying", topics.base(), cause == null ? "?" : cause.getMessage());
        long delay = ThreadLocalRandom.current().nextLong(RETRY_MIN_MS, RETRY_MAX_MS);
        schedule(() -> connect(() -> { }), delay);
    }

    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            schedule(SimKiosk.this::subscribe, 0);
        }

        @Override
        public void connectionLost(Throwable cause) {
            lost();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            schedule(() -> answer(topic, payload), 0);
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // acknowledgements are handled per message by their listeners
        }
    }

    /** Clean session: subscriptions are gone on every connect. Subscribe before saying online, as the real kiosk does. */
    private void subscribe() {
        try {
            client.subscribe(topics.techCommands(), 1, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    schedule(SimKiosk.this::sayOnline, 0);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    log.debug("{} subscribe failed: {}", topics.base(), e.getMessage()); // the session is going
                }
            });
        } catch (MqttException e) {
            log.debug("{} subscribe failed: {}", topics.base(), e.getMessage());
        }
    }

    private void sayOnline() {
        if (stopping) {
            return;
        }
        try {
            client.publish(topics.status(), online, 1, true);
        } catch (MqttException e) {
            log.debug("{} online status not published: {}", topics.base(), e.getMessage());
            return;
        }
        if (connected.compareAndSet(false, true)) {
            stats.connected.incrementAndGet();
        }
        outbox.rewind();
        flush();
        // a fresh picture for the console soon after connecting, not all kiosks of a batch at once
        schedule(this::publishTelemetry, ThreadLocalRandom.current().nextLong(1_000));
    }

    private void lost() {
        if (connected.compareAndSet(true, false)) {
            stats.connected.decrementAndGet();
        }
    }

    /**
     * One thing that happens at a ward centre's kiosk, recorded as its event: mostly a step of the
     * ticket queue, and one time in {@value #DRINK_SHARE} a cup of water poured at the touchscreen.
     */
    void activity() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextInt(DRINK_SHARE) == 0) {
            boolean hot = random.nextInt(3) == 0;
            int requested = hot ? 150 : 200;
            record("drink.dispensed", new SimDrinkData.Dispensed(UUID.randomUUID().toString(), hot ? "hot" : "cold",
                    requested, requested - 5 + random.nextInt(11), "DONE", null, "touchscreen"));
            return;
        }
        SimQueue.Change c = queue.next(random);
        record(c.type(), c.data());
    }

    /** Changes the dispenser's state; a change is a {@code dispenser.state} event. */
    void dispenser(String state, String detail) {
        recordChange("dispenser.state", devices.dispenser(state, detail));
    }

    String dispenserState() {
        return devices.dispenser();
    }

    /** Changes the printer's state; a change is a {@code printer.state} event. */
    void printer(String state, String detail) {
        recordChange("printer.state", devices.printer(state, detail));
    }

    /** A device's state change as its event; null when nothing changed. */
    private void recordChange(String type, DeviceStateEventData change) {
        if (change != null) {
            record(type, change);
        }
    }

    String printerState() {
        return devices.printer();
    }

    private void record(String type, Object data) {
        String dataJson = new String(bytes(data), java.nio.charset.StandardCharsets.UTF_8);
        Instant ts = Instant.now();
        String id = UUID.randomUUID().toString();
        int dropped = outbox.append(seq -> bytes(new FleetEvent(id, seq, type, ts, dataJson)), ts.toEpochMilli());
        stats.eventsRecorded.increment();
        stats.eventsDropped.add(dropped);
        flush();
    }

    /** Sends what the outbox has not sent in this session; nothing while offline. */
    void flush() {
        if (!connected.get() || stopping) {
            return;
        }
        outbox.send((seq, payload) -> client.publish(topics.events(), payload, 1, false, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                long created = outbox.acked(seq);
                if (created >= 0) {
                    long now = System.currentTimeMillis();
                    stats.ackLag.record(now - created);
                    var times = stats.ackTimes;
                    if (times != null) {
                        times.put(topics.site() + "/" + topics.device() + "/" + seq, now);
                    }
                }
                stats.eventsPublished.increment();
                if (outbox.hasUnsent()) {
                    schedule(SimKiosk.this::flush, 0); // a slot in flight is free again
                }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                // stays in the outbox; sent again on the next session
            }
        }));
    }

    boolean hasUnsent() {
        return outbox.hasUnsent();
    }

    void publishTelemetry() {
        if (!connected.get() || stopping) {
            return;
        }
        try {
            client.publish(topics.telemetry(),
                    bytes(telemetry.report(Instant.now(), queue, devices, outbox, maintenance.get())), 0, true);
            stats.telemetry.increment();
        } catch (MqttException e) {
            log.debug("{} telemetry not published: {}", topics.base(), e.getMessage());
        }
    }

    private void answer(String topic, byte[] payload) {
        if (!topic.startsWith(topics.techCommandPrefix())) {
            return;
        }
        SimTechCommands.Reply reply = commands.handle(topic.substring(topics.techCommandPrefix().length()), payload);
        try {
            client.publish(topics.techReply(reply.requestId()), reply.payload(), 1, false);
            stats.commands.increment();
        } catch (MqttException e) {
            log.debug("{} reply to {} not sent: {}", topics.base(), reply.requestId(), e.getMessage());
        }
    }

    /**
     * Drops off the network for a while: the socket closes without a DISCONNECT, so the broker
     * publishes the Will (offline) as it would for a kiosk whose network cable was pulled.
     */
    void dropFor(Duration length) {
        if (!connected.get() || dropped || stopping) {
            return;
        }
        dropped = true;
        lost();
        stats.drops.increment();
        stats.droppedNow.incrementAndGet();
        try {
            client.disconnectForcibly(0, 1_000, false);
        } catch (MqttException e) {
            log.debug("{} drop: {}", topics.base(), e.getMessage());
        }
        schedule(() -> {
            dropped = false;
            stats.droppedNow.decrementAndGet();
            connect(() -> { });
        }, length.toMillis());
    }

    /**
     * Begins a clean stop: offline status (retained) and a DISCONNECT once it is out. The token to
     * wait for, or null when the kiosk is not connected (its Will already said offline).
     */
    IMqttToken stop() {
        stopping = true;
        if (!client.isConnected()) {
            return null;
        }
        try {
            client.publish(topics.status(), bytes(KioskStatus.offline()), 1, true);
            return client.disconnect(2_000); // the quiesce time lets the offline status go first
        } catch (MqttException e) {
            log.debug("{} clean stop: {}", topics.base(), e.getMessage());
            return null;
        }
    }

    /** Releases Paho's threads, whatever state the session is in. */
    void release() {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 100, false);
            }
            client.close(true);
        } catch (MqttException e) {
            log.debug("{} close: {}", topics.base(), e.getMessage());
        }
    }

    /** Never throws: this is also called on Paho's threads, which a thrown exception would take down. */
    private void schedule(Runnable task, long delayMillis) {
        if (stopping) {
            return;
        }
        try {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the sim is stopping
        }
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
