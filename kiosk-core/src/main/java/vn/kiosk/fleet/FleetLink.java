package vn.kiosk.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kiosk.config.KioskConfig;
import vn.kiosk.fleet.messages.KioskStatus;
import vn.kiosk.outbox.Outbox;
import vn.kiosk.storage.Database;

/**
 * The kiosk's link to its fleet: retained online/offline status with a Will, periodic telemetry,
 * the outbox drained to {@code events}, and role-scoped commands. The kiosk works the same while
 * the link is down; events wait in the outbox.
 */
public final class FleetLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetLink.class);

    private final MqttConnection connection;
    private final EventPublisher events;
    private final CommandRouter commands;
    private final ScheduledExecutorService telemetryTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mqtt-telemetry");
        t.setDaemon(true);
        return t;
    });

    private FleetLink(MqttConnection connection, EventPublisher events, CommandRouter commands) {
        this.connection = connection;
        this.events = events;
        this.commands = commands;
    }

    public static MqttConnection.Settings settings(KioskConfig config) {
        KioskConfig.Mqtt m = config.mqtt();
        String clientId = m.clientId() == null || m.clientId().isBlank()
                ? "kiosk-" + config.site().id() + "-" + config.device().id() : m.clientId();
        return new MqttConnection.Settings(m.url(), clientId, m.username(), m.password(), path(m.caFile()),
                path(m.certFile()), path(m.keyFile()), m.keepAliveSeconds(), m.connectTimeoutSeconds(),
                new Backoff(m.reconnectMinMillis(), m.reconnectMaxMillis(), new Random()));
    }

    private static Path path(String s) {
        return s == null || s.isBlank() ? null : Path.of(s);
    }

    public static FleetLink start(KioskConfig config, Database db, Outbox outbox, ObjectMapper json, Clock clock,
                                  Telemetry telemetry, Map<String, Map<String, CommandRouter.Handler>> table,
                                  String version, Instant startedAt) throws MqttException {
        Topics topics = new Topics(config.site().id(), config.device().id());
        String onlineJson;
        String offlineJson;
        try {
            onlineJson = json.writeValueAsString(KioskStatus.onlineSince(version, startedAt));
            offlineJson = json.writeValueAsString(KioskStatus.offline());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        CommandRouter[] router = new CommandRouter[1];
        MqttConnection connection = new MqttConnection(settings(config), topics, CommandRouter.filters(topics, table),
                onlineJson, offlineJson, (topic, payload) -> router[0].accept(topic, payload));
        router[0] = new CommandRouter(topics, table, new ReplyStore(db, clock), json,
                (topic, payload) -> connection.publish(topic, payload, 1, false));
        EventPublisher events = new EventPublisher(db, outbox, eventSink(connection, topics), json, clock,
                config.mqtt().backlog().maxEvents(), config.mqtt().backlog().maxBytes());
        connection.onState(events::wake);
        FleetLink link = new FleetLink(connection, events, router[0]);
        Runnable publishTelemetry = () -> link.publishTelemetry(topics, json, telemetry);
        connection.onState(() -> link.telemetryTimer.execute(publishTelemetry));
        link.telemetryTimer.scheduleAtFixedRate(publishTelemetry, config.mqtt().telemetrySeconds(),
                config.mqtt().telemetrySeconds(), TimeUnit.SECONDS);
        events.start();
        connection.start();
        return link;
    }

    private static EventPublisher.EventSink eventSink(MqttConnection connection, Topics topics) {
        return new EventPublisher.EventSink() {
            @Override
            public boolean isConnected() {
                return connection.isConnected();
            }

            @Override
            public java.util.concurrent.CompletableFuture<Void> send(byte[] payload) throws MqttException {
                return connection.publishAcknowledged(topics.events(), payload);
            }
        };
    }

    private void publishTelemetry(Topics topics, ObjectMapper json, Telemetry telemetry) {
        if (!connection.isConnected()) {
            return;
        }
        try {
            connection.publish(topics.telemetry(), json.writeValueAsBytes(telemetry.snapshot()), 1, true);
        } catch (Exception e) {
            log.debug("telemetry not published: {}", e.getMessage());
        }
    }

    public boolean isConnected() {
        return connection.isConnected();
    }

    public MqttConnection connection() {
        return connection;
    }

    /** Stops sending, says offline, disconnects. */
    @Override
    public void close() {
        telemetryTimer.shutdownNow();
        commands.close();
        events.close();
        connection.close();
    }
}
