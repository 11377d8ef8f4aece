package vn.kiosk.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.kiosk.testing.Api;
import vn.kiosk.hw.testing.Poll;
import vn.kiosk.hw.printer.PrintedQr;
import vn.kiosk.testing.RunningKiosk;

/** Tickets on the simulated printer through the whole application: the print result reaches the caller. */
class TicketPrintingTest {

    @RegisterExtension
    final RunningKiosk kiosk = new RunningKiosk();
    private Api api;
    private int port;

    private void start(String yaml) throws Exception {
        api = kiosk.start(yaml).api();
        port = kiosk.port();
    }

    @Test
    void anIssuedTicketIsPrintedWithItsIdInTheQrCode() throws Exception {
        start("{}");
        Api.Response r = api.post("/api/tickets", "{\"serviceId\": \"return-results\", \"priority\": \"elderly\"}");
        assertEquals(201, r.status(), r.text());
        assertTrue(r.body().get("printed").asBoolean(), r.text());
        assertEquals("printed", r.body().get("printState").asText());
        assertEquals(1, kiosk.sim().paper().pageCount());
        Path png = kiosk.dir().resolve("data/printer/ticket-000001.png");
        assertTrue(Files.isRegularFile(png), "the simulated printer keeps a picture of the ticket");
        assertEquals(r.body().get("id").asText(), PrintedQr.read(ImageIO.read(png.toFile())));
        assertEquals(576, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void paperOutStillGivesTheNumberMarksItNotPrintedAndAReprintPrintsItOnce() throws Exception {
        start("{}");
        kiosk.sim().paper().setPaperOut(true);
        long t0 = System.nanoTime();
        Api.Response r = api.post("/api/tickets", "{\"serviceId\": \"land\", \"channel\": \"robot\"}");
        assertEquals(201, r.status());
        assertEquals("E001", r.body().get("number").asText(), "the caller still gets the number");
        String id = r.body().get("id").asText();
        Poll.until(Duration.ofSeconds(5).minusNanos(System.nanoTime() - t0), "printed:false within 5 s",
                () -> "failed".equals(api.get("/api/tickets/" + id).body().get("printState").asText()));
        Api.Response failed = api.get("/api/tickets/" + id);
        assertFalse(failed.body().get("printed").asBoolean());
        assertTrue(failed.body().get("printError").asText().contains("PAPER_OUT") || failed.body().get("printError").asText()
                .contains("paper"), failed.text());
        // the touchscreen shows the QR code the paper did not get
        HttpResponse<byte[]> qr = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/tickets/" + id + "/qr.png")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, qr.statusCode());
        assertEquals("image/png", qr.headers().firstValue("Content-Type").orElse(""));
        assertEquals(id, PrintedQr.read(ImageIO.read(new ByteArrayInputStream(qr.body()))));

        Poll.until(Duration.ofSeconds(2), "a printer.state event for PAPER_OUT", () -> events("printer.state").stream()
                .anyMatch(d -> d.contains("\"state\":\"PAPER_OUT\"")));
        assertTrue(events("ticket.print_failed").get(0).contains("\"printerState\":\"PAPER_OUT\""));

        kiosk.sim().paper().setPaperOut(false);
        Api.Response again = api.post("/api/tickets/" + id + "/reprint", "");
        assertEquals(200, again.status(), again.text());
        assertTrue(again.body().get("printed").asBoolean());
        assertEquals(1, kiosk.sim().paper().pageCount(), "printed exactly once");
        assertEquals(id, PrintedQr.read(kiosk.sim().paper().lastPage()));
        assertEquals(1, events("ticket.printed").size());
    }

    @Test
    void paperRunningOutMidTicketIsNotCountedAsPrinted() throws Exception {
        start("{}");
        kiosk.sim().paper().runOutOfPaperAfter(150);
        Api.Response r = api.post("/api/tickets", "{\"serviceId\": \"land\"}");
        assertEquals(201, r.status());
        String id = r.body().get("id").asText();
        Poll.until(Duration.ofSeconds(5), "the failure to be recorded",
                () -> "failed".equals(api.get("/api/tickets/" + id).body().get("printState").asText()));
        assertEquals(0, kiosk.sim().paper().pageCount());
    }

    @Test
    void anUnpluggedPrinterIsOfflineAndTicketsAreStillIssued() throws Exception {
        start("{}");
        kiosk.sim().printerCable().setPlugged(false);
        Api.Response r = api.post("/api/tickets", "{\"serviceId\": \"land\"}");
        assertEquals(201, r.status());
        String id = r.body().get("id").asText();
        Poll.until(Duration.ofSeconds(5), "printed:false",
                () -> "failed".equals(api.get("/api/tickets/" + id).body().get("printState").asText()));
        Poll.until(Duration.ofSeconds(3), "health to show OFFLINE",
                () -> "OFFLINE".equals(api.get("/api/health").body().get("devices").get("printer").get("state").asText()));
        kiosk.sim().printerCable().setPlugged(true);
        Poll.until(Duration.ofSeconds(5), "the printer to come back",
                () -> "READY".equals(api.get("/api/health").body().get("devices").get("printer").get("state").asText()));
        assertTrue(api.post("/api/tickets/" + id + "/reprint", "").body().get("printed").asBoolean());
    }

    @Test
    void theQrTemplateAndNoPrinterCases() throws Exception {
        start("printing: { ticket: { qr: \"https://dvc.example.vn/q/{site}/{number}\" } }\n");
        Api.Response r = api.post("/api/tickets", "{\"serviceId\": \"land\"}");
        assertEquals("https://dvc.example.vn/q/phuong-ben-thanh/E001", PrintedQr.read(kiosk.sim().paper().lastPage()));
        assertEquals(404, api.post("/api/tickets/nope/reprint", "").status());
        assertEquals(201, r.status());
    }

    @Test
    void aKioskWithoutPrinterSaysSo() throws Exception {
        start("devices: { printer: \"\" }\n");
        Api.Response r = api.post("/api/tickets", "{\"serviceId\": \"land\"}");
        assertEquals("none", r.body().get("printState").asText());
        assertFalse(r.body().get("printed").asBoolean());
        Api.Response reprint = api.post("/api/tickets/" + r.body().get("id").asText() + "/reprint", "");
        assertEquals(409, reprint.status());
        assertEquals("no_printer", reprint.body().get("error").get("code").asText());
        IllegalStateException noPaper = assertThrows(IllegalStateException.class, () -> kiosk.sim().paper());
        assertEquals("the printer is not simulated (devices.printer: not configured)", noPaper.getMessage());
    }

    private List<String> events(String type) {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kiosk.dir().resolve("data/kiosk.db"));
             var ps = c.prepareStatement("SELECT data FROM outbox WHERE type = ? ORDER BY seq")) {
            ps.setString(1, type);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

}
