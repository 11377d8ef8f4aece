package vn.kiosk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.db.PostgresUrl;
import vn.kiosk.json.Json;
import vn.kiosk.testing.MutableClock;
import vn.kiosk.testing.TestPostgres;

/**
 * A kiosk's row (what a restarted console knows of it) follows its state at once and its counters
 * at most every {@link Fleet#ROW_EVERY}: with a row a message, 1,000 kiosks' updates kept the
 * console's batches waiting. What is held back is written by the sweep.
 */
class DeviceRowsTest {

    @RegisterExtension
    static final TestPostgres pg = new TestPostgres();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));

    @Test
    void aStateChangeIsWrittenAtOnceAndCountersEveryTenSecondsOrByTheSweep() throws Exception {
        try (FleetDb db = new FleetDb(PostgresUrl.parse(pg.url(), null))) {
            Fleet fleet = new Fleet(db, clock, new ConsoleMetrics(), new AlertHook(null, Json.newMapper()));
            fleet.process(List.of(telemetry(3, "READY")));
            assertEquals("3 READY", row(), "a new kiosk's row at once");

            clock.advance(Duration.ofSeconds(1));
            fleet.process(List.of(telemetry(5, "READY")));
            assertEquals("3 READY", row(), "a counter alone waits its turn");

            clock.advance(Duration.ofSeconds(1));
            fleet.process(List.of(telemetry(6, "PAPER_OUT")));
            assertEquals("6 PAPER_OUT", row(), "a state an alert depends on at once, with the counters");

            clock.advance(Duration.ofSeconds(1));
            fleet.process(List.of(telemetry(7, "PAPER_OUT")));
            assertEquals("6 PAPER_OUT", row());
            fleet.sweep();
            assertEquals("7 PAPER_OUT", row(), "the sweep writes what was held back");

            clock.advance(Duration.ofSeconds(1));
            fleet.process(List.of(telemetry(8, "PAPER_OUT")));
            clock.advance(Fleet.ROW_EVERY);
            fleet.process(List.of(telemetry(9, "PAPER_OUT")));
            assertEquals("9 PAPER_OUT", row(), "counters written once their time has come");
        }
    }

    private static Fleet.Incoming telemetry(int waiting, String printer) {
        String json = "{\"queue\": {\"waiting\": " + waiting + "}, \"devices\": {\"printer\": \"" + printer + "\"}}";
        return new Fleet.Incoming("site-a", "kiosk-01", "telemetry", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String row() throws Exception {
        try (Connection c = pg.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT waiting, printer FROM device WHERE site = 'site-a' AND device = 'kiosk-01'")) {
            return rs.next() ? rs.getLong(1) + " " + rs.getString(2) : "none";
        }
    }
}
