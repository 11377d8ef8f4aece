package vn.kiosk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.MqttProbe;
import vn.kiosk.testing.MutableClock;
import vn.kiosk.testing.TestPostgres;

/**
 * An alert's life with a clock the test moves: a kiosk that falls silent gets its alert without a
 * message to trigger it, a technician acknowledges it (who and when), it resolves when the kiosk
 * speaks again; and the telemetry history is thinned beyond a week and dropped beyond its keep time.
 */
class AlertLifecycleTest {

    private static final String TECH = RunningConsole.TECH;

    @RegisterExtension
    static final TestPostgres pg = new TestPostgres();
    @RegisterExtension
    final RunningConsole fleet = new RunningConsole(pg);
    private final MutableClock clock = new MutableClock(Instant.now());

    @Test
    void aSilentKioskIsAlertedAcknowledgedAndResolved() throws Exception {
        fleet.start(Map.of(), clock);
        Api api = fleet.api();
        try (MqttProbe kiosk = MqttProbe.connect(fleet.broker().url())) {
            kiosk.publish("kiosk/site-a/kiosk-01/status", "{\"online\": true, \"version\": \"1.0\"}");
            Poll.until(Duration.ofSeconds(10), "the kiosk known", () -> api.get("/api/fleet/devices", TECH).body().size() == 1);
            clock.advance(Duration.ofMinutes(4)); // nothing heard for longer than 3 minutes
            Poll.until(Duration.ofSeconds(20), "the silent alert opened by the sweep", () -> silentAlert(api) != null);
            JsonNode alert = silentAlert(api);
            Api.Response ack = api.post("/api/fleet/alerts/" + alert.get("id").asLong() + "/ack", "", TECH);
            assertEquals(200, ack.status(), ack.text());
            JsonNode acked = silentAlert(api);
            assertEquals("tech", acked.get("ackedBy").asText());
            assertTrue(acked.hasNonNull("ackedAt"));

            kiosk.publish("kiosk/site-a/kiosk-01/telemetry", "{\"devices\": {\"printer\": \"READY\"}}");
            Poll.until(Duration.ofSeconds(10), "the alert resolved", () -> silentAlert(api) == null);
        }
        JsonNode all = api.get("/api/fleet/alerts?state=all", TECH).body();
        assertEquals(1, all.size(), all.toString());
        assertTrue(all.get(0).hasNonNull("resolvedAt"), all.toString());
        assertEquals(400, api.get("/api/fleet/alerts?state=some", TECH).status());
    }

    @Test
    void aKiosksStateAndItsAcknowledgedAlertOutliveAConsoleRestart() throws Exception {
        fleet.start(Map.of(), clock);
        Api api = fleet.api();
        long id;
        try (MqttProbe kiosk = MqttProbe.connect(fleet.broker().url())) {
            kiosk.publish("kiosk/site-a/kiosk-01/status", "{\"online\": true, \"version\": \"1.0\"}");
            kiosk.publish("kiosk/site-a/kiosk-01/telemetry", "{\"devices\": {\"printer\": \"PAPER_OUT\"}}");
            Poll.until(Duration.ofSeconds(10), "the paper-out alert", () -> openAlert(api, "paper_out") != null);
            id = openAlert(api, "paper_out").get("id").asLong();
            assertEquals(200, api.post("/api/fleet/alerts/" + id + "/ack", "", TECH).status());

            fleet.stop();
            fleet.start(Map.of(), clock);
            Api again = fleet.api();
            JsonNode devices = again.get("/api/fleet/devices", TECH).body();
            assertEquals(1, devices.size(), "the kiosk is known before it speaks again: " + devices);
            assertEquals("PAPER_OUT", devices.get(0).get("printer").asText(), devices.toString());
            assertTrue(devices.get(0).hasNonNull("lastSeen"), devices.toString());

            // the kiosk's status after the restart (the broker's retained copy or a reconnect) says
            // nothing of the printer: the paper is still out and the technician's acknowledgement stays
            kiosk.publish("kiosk/site-a/kiosk-01/status", "{\"online\": true, \"version\": \"1.0\"}");
            kiosk.publish("kiosk/site-a/kiosk-01/events", "{\"seq\": 1, \"id\": \"e1\", \"type\": \"ticket.issued\", \"data\": {}}");
            Poll.until(Duration.ofSeconds(10), "the event stored", () -> pg.count("SELECT count(*) FROM event") == 1);
            JsonNode alert = openAlert(again, "paper_out");
            assertTrue(alert != null, "the paper-out alert is still open");
            assertEquals(id, alert.get("id").asLong(), "the same alert, not a new one");
            assertEquals("tech", alert.get("ackedBy").asText());
            assertEquals(1, again.get("/api/fleet/alerts?state=all", TECH).body().size());
        }
    }

    @Test
    void aBacklogThatKeepsGrowingIsAlertedBeforeItIsLarge() throws Exception {
        fleet.start(Map.of(), clock);
        Api api = fleet.api();
        try (MqttProbe kiosk = MqttProbe.connect(fleet.broker().url())) {
            for (int backlog : new int[] {60, 120, 200}) {
                kiosk.publish("kiosk/site-a/kiosk-01/telemetry", backlogReport(backlog));
            }
            Poll.until(Duration.ofSeconds(10), "three reports", () -> pg.count("SELECT count(*) FROM telemetry") == 3);
            assertEquals(null, openAlert(api, "backlog"), "two rises are not yet a trend");
            kiosk.publish("kiosk/site-a/kiosk-01/telemetry", backlogReport(310));
            Poll.until(Duration.ofSeconds(10), "the backlog alert", () -> openAlert(api, "backlog") != null);
            assertTrue(openAlert(api, "backlog").get("detail").asText().contains("growing"), openAlert(api, "backlog").toString());
            kiosk.publish("kiosk/site-a/kiosk-01/telemetry", backlogReport(150));
            Poll.until(Duration.ofSeconds(10), "resolved once it shrinks", () -> openAlert(api, "backlog") == null);
        }
    }

    @Test
    void telemetryIsThinnedBeyondAWeekAndDroppedBeyondItsKeepTime() throws Exception {
        try (FleetDb db = new FleetDb(vn.kiosk.db.PostgresUrl.parse(pg.url(), null))) {
            Instant now = clock.instant();
            try (Connection c = pg.connect(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO telemetry (site, device, ts, waiting, backlog) VALUES ('s', 'k', ?, 0, 0)")) {
                // two samples within one clock hour of last week (whatever the minute now): one stays
                Instant lastWeek = now.minus(Duration.ofDays(8)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
                for (Instant at : new Instant[] {now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(61)), // today: both stay
                        lastWeek.plus(Duration.ofMinutes(10)), lastWeek.plus(Duration.ofMinutes(20)),
                        now.minus(Duration.ofDays(100))}) { // beyond the keep time
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.executeUpdate();
                }
            }
            int removed = new FleetHistory(db, clock, "Asia/Ho_Chi_Minh").prune(90);
            assertEquals(2, removed);
            assertEquals(3, pg.count("SELECT count(*) FROM telemetry"));
        }
    }

    /** A telemetry report a minute after the last, with this many events waiting in the kiosk's outbox. */
    private String backlogReport(int events) {
        clock.advance(Duration.ofMinutes(1));
        return "{\"ts\": \"" + clock.instant() + "\", \"outboxBacklog\": {\"events\": " + events + "}}";
    }

    private static JsonNode silentAlert(Api api) {
        return openAlert(api, "silent");
    }

    private static JsonNode openAlert(Api api, String kind) {
        for (JsonNode a : api.get("/api/fleet/alerts?state=open", TECH).body()) {
            if (a.get("kind").asText().equals(kind)) {
                return a;
            }
        }
        return null;
    }
}
