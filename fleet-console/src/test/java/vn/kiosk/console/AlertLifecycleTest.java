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

    private static JsonNode silentAlert(Api api) {
        for (JsonNode a : api.get("/api/fleet/alerts?state=open", TECH).body()) {
            if (a.get("kind").asText().equals("silent")) {
                return a;
            }
        }
        return null;
    }
}
