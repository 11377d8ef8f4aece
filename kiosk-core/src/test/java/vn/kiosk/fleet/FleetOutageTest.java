package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.TestBroker;

/** The real kiosk process against a real broker that goes away: the Will, and no event lost. */
class FleetOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BASE = "kiosk/phuong-ben-thanh/kiosk-01/";

    @TempDir
    Path dir;

    private Map<String, String> env(TestBroker broker) {
        Map<String, String> env = new HashMap<>();
        env.put("KIOSK_DATA_DIR", dir.resolve("data").toString());
        env.put("KIOSK_MQTT_URL", broker.url());
        env.put("KIOSK_CONFIG", writeConfig().toString());
        return env;
    }

    private Path writeConfig() {
        Path file = dir.resolve("fleet.yaml");
        try {
            java.nio.file.Files.writeString(file, "mqtt: { reconnectMinMillis: 50, reconnectMaxMillis: 500, keepAliveSeconds: 5 }\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    @Test
    void theWillSaysOfflineAfterKillMinus9() throws Exception {
        try (TestBroker broker = TestBroker.mosquitto(dir.resolve("broker"));
             MqttProbe probe = MqttProbe.connect(broker.url()).subscribe(BASE + "status", 1)) {
            KioskProcess kiosk = KioskProcess.start(dir, Ports.free(), env(broker), "run").awaitReady(WAIT);
            probe.await(WAIT, "online", m -> m.json().path("online").asBoolean());
            kiosk.kill9();
            MqttProbe.Message will = probe.await(WAIT, "the Will", m -> !m.json().path("online").asBoolean(true));
            assertEquals("{\"online\":false}", will.text());
            try (MqttProbe late = MqttProbe.connect(broker.url()).subscribe(BASE + "status", 1)) {
                assertTrue(late.await(WAIT, "retained offline", m -> true).json().path("online").asBoolean(true) == false);
            }
        }
    }

    @Test
    void eventsIssuedDuringAnOutageAndAcrossARestartAllArriveInOrder() throws Exception {
        TestBroker broker = TestBroker.mosquitto(dir.resolve("broker")); // restarted with its sessions
        int port = Ports.free();
        List<String> issued = new ArrayList<>();
        try (MqttProbe collector = MqttProbe.persistent(broker.url(), "collector").subscribe(BASE + "events", 1)) {
            KioskProcess kiosk = KioskProcess.start(dir, port, env(broker), "run").awaitReady(WAIT);
            collector.await(WAIT, "the first printer.state event", m -> m.json().path("type").asText().equals("printer.state"));
            for (int i = 0; i < 5; i++) {
                issued.add(kiosk.api().post("/api/tickets", "{\"serviceId\": \"land\", \"channel\": \"robot\"}").body().get("id").asText());
            }
            broker.stop(); // outage
            for (int i = 0; i < 20; i++) {
                issued.add(kiosk.api().post("/api/tickets", "{\"serviceId\": \"civil-status\", \"channel\": \"robot\"}").body().get("id").asText());
            }
            kiosk.kill9(); // the kiosk dies during the outage...
            kiosk = KioskProcess.start(dir, port, env(broker), "run").awaitReady(WAIT); // ...and comes back
            for (int i = 0; i < 20; i++) {
                issued.add(kiosk.api().post("/api/tickets", "{\"serviceId\": \"online-help\", \"channel\": \"robot\"}").body().get("id").asText());
            }
            broker.start(); // the broker comes back
            KioskProcess k = kiosk;
            try {
                collector.await(Duration.ofSeconds(30), "all 45 ticket.issued events", m -> issuedIds(collector).containsAll(issued));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; received " + issuedIds(collector).size() + " of " + issued.size()
                        + ", collector connected " + collector.isConnected() + "\nkiosk log:\n" + k.stdout(), e);
            }

            List<Long> seqs = new ArrayList<>();
            Set<Long> distinct = new LinkedHashSet<>();
            for (MqttProbe.Message m : collector.received()) {
                long seq = m.json().get("seq").asLong();
                if (distinct.add(seq)) {
                    seqs.add(seq);
                }
            }
            for (int i = 1; i < seqs.size(); i++) {
                assertTrue(seqs.get(i) > seqs.get(i - 1), "first arrivals are in seq order: " + seqs);
            }
            long first = seqs.get(0);
            long last = seqs.get(seqs.size() - 1);
            assertEquals(last - first + 1, seqs.size(), "no seq missing between " + first + " and " + last + ": " + seqs);
            kiosk.terminate(WAIT);
        } finally {
            broker.close();
        }
    }

    private static Set<String> issuedIds(MqttProbe p) {
        Set<String> ids = new LinkedHashSet<>();
        for (MqttProbe.Message m : p.received()) {
            JsonNode e = m.json();
            if (e.path("type").asText().equals("ticket.issued")) {
                ids.add(e.path("data").path("ticketId").asText());
            }
        }
        return ids;
    }
}
