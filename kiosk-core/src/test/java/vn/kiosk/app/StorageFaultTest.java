package vn.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kiosk.testing.Api;
import vn.kiosk.testing.KioskProcess;
import vn.kiosk.testing.Ports;
import vn.kiosk.testing.ScratchFilesystem;

/**
 * The real kiosk (child JVM) on a real filesystem that fills up or turns read-only: tickets are
 * refused with the reason, health says what is wrong, the log names the cause, the watchdog is
 * still fed (a restart cannot free space), and the kiosk recovers by itself when space returns.
 */
class StorageFaultTest {

    private static final Duration START = Duration.ofSeconds(30);
    private static final String TICKET = "{\"serviceId\": \"land\", \"channel\": \"robot\"}";

    @TempDir
    Path dir;

    @Test
    void aFullDiskIsReportedAndTheKioskRecoversWhenSpaceReturns() throws Exception {
        try (ScratchFilesystem fs = ScratchFilesystem.tmpfs(dir.resolve("data"), 160)) {
            int port = Ports.free();
            try (KioskProcess kiosk = KioskProcess.start(dir.resolve("work"), port, Map.of("KIOSK_DATA_DIR", fs.path().toString()),
                    "run").awaitReady(START)) {
                Api api = kiosk.api();
                assertEquals(201, api.post("/api/tickets", TICKET).status());
                assertEquals("UP", api.get("/api/health").body().at("/database/state").asText());

                Path filler = fs.fill();
                // a ticket that still fits in the write-ahead log's own space is stored (a checkpoint
                // lets the log start over); the first that needs more space is refused
                List<String> stored = new ArrayList<>();
                Api.Response refused = api.post("/api/tickets", TICKET);
                for (int i = 0; refused.status() == 201 && i < 20; i++) {
                    stored.add(refused.body().get("id").asText());
                    refused = api.post("/api/tickets", TICKET);
                }
                assertEquals(503, refused.status(), refused.text());
                assertTrue(refused.text().contains("disk full"), refused.text());

                Api.Response health = api.get("/api/health");
                assertEquals(503, health.status(), health.text());
                assertEquals("DOWN", health.body().get("status").asText(), health.text());
                assertEquals("DOWN", health.body().at("/database/state").asText(), health.text());
                assertTrue(health.body().at("/database/detail").asText().contains("disk full"), health.text());
                assertTrue(new HealthProbe("127.0.0.1", port).getAsBoolean(),
                        "a full disk is not cured by a restart: the watchdog must still be fed");
                String log = kiosk.stdout();
                assertTrue(log.contains("disk full") && log.contains("SQLITE_FULL"), "the log names the cause:\n" + log);
                Api.Response selftest = api.get("/api/selftest");
                assertTrue(selftest.text().contains("cannot write: disk full"), selftest.text());

                Files.delete(filler);
                Api.Response again = api.post("/api/tickets", TICKET);
                assertEquals(201, again.status(), again.text());
                Api.Response recovered = api.get("/api/health");
                assertEquals(200, recovered.status(), recovered.text());
                assertEquals("UP", recovered.body().at("/database/state").asText(), recovered.text());
                for (String id : stored) {
                    assertEquals(200, api.get("/api/tickets/" + id).status(), "a ticket acknowledged on the full disk is kept: " + id);
                }
            }
        }
    }

    @Test
    void aReadOnlyDataDirectoryIsReportedAsSuch() throws Exception {
        try (ScratchFilesystem fs = ScratchFilesystem.ext4(dir.resolve("data.img"), dir.resolve("data"), 160)) {
            int port = Ports.free();
            try (KioskProcess kiosk = KioskProcess.start(dir.resolve("work"), port, Map.of("KIOSK_DATA_DIR", fs.path().toString()),
                    "run").awaitReady(START)) {
                Api api = kiosk.api();
                assertEquals(201, api.post("/api/tickets", TICKET).status());

                fs.failReadOnly();
                Api.Response refused = api.post("/api/tickets", TICKET);
                assertEquals(503, refused.status(), refused.text());
                assertTrue(refused.text().contains("read-only"), refused.text());

                Api.Response health = api.get("/api/health");
                assertEquals(503, health.status(), health.text());
                assertEquals("DOWN", health.body().at("/database/state").asText(), health.text());
                assertTrue(health.body().at("/database/detail").asText().contains("read-only"), health.text());
                assertTrue(new HealthProbe("127.0.0.1", port).getAsBoolean(),
                        "a read-only disk is not cured by a restart: the watchdog must still be fed");
                String log = kiosk.stdout();
                assertTrue(log.contains("read-only"), "the log names the cause:\n" + log);
            }
        }
    }
}
