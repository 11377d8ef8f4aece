package vn.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.kiosk.json.Json;
import vn.kiosk.queue.Channel;
import vn.kiosk.queue.PrintState;
import vn.kiosk.queue.Ticket;
import vn.kiosk.queue.TicketStatus;
import vn.kiosk.scanning.CodeScanned;
import vn.kiosk.web.LiveMessage.DeviceMessage;
import vn.kiosk.web.LiveMessage.MaintenanceMessage;
import vn.kiosk.web.LiveMessage.ScanMessage;
import vn.kiosk.web.LiveMessage.TicketMessage;

/**
 * The JSON the pages read from GET /api/events, byte for byte: ui/citizen.js, counter.js and
 * display.js switch on {@code type} and read these names (a null is sent, not left out, where a
 * page tests for it). The drink message is the pour as GET /api/drinks/{id} answers it.
 */
class LiveMessageTest {

    private final ObjectMapper json = Json.newMapper();

    @Test
    void aTicketChange() throws Exception {
        Ticket t = Ticket.issued("t-1", LocalDate.of(2026, 11, 26), "E001", "land", "elderly", Channel.TOUCHSCREEN,
                Instant.parse("2026-11-26T02:00:00Z"), PrintState.PENDING);
        assertEquals("{\"type\":\"ticket\",\"ticketId\":\"t-1\",\"number\":\"E001\",\"serviceId\":\"land\",\"status\":\"issued\","
                + "\"counterId\":null,\"callCount\":0,\"printState\":\"pending\"}", json.writeValueAsString(TicketMessage.of(t)));
    }

    @Test
    void aDeviceAndMaintenance() throws Exception {
        assertEquals("{\"type\":\"device\",\"device\":\"printer\",\"state\":\"PAPER_OUT\",\"ok\":false}",
                json.writeValueAsString(new DeviceMessage("printer", "PAPER_OUT", false)));
        assertEquals("{\"type\":\"maintenance\",\"on\":true}", json.writeValueAsString(new MaintenanceMessage(true)));
    }

    @Test
    void eachKindOfScan() throws Exception {
        assertEquals("{\"type\":\"scan\",\"kind\":\"citizen-id\",\"maskedId\":\"079*******34\",\"priorityOffer\":null}",
                scan(new CodeScanned.IdCardRead("079*******34", null)));
        assertEquals("{\"type\":\"scan\",\"kind\":\"invalid\",\"reason\":\"century\",\"message\":{\"vi\":"
                + "\"Mã trên thẻ không hợp lệ. Vui lòng hỏi nhân viên.\",\"en\":\"The card's code is not valid. Please ask a member"
                + " of staff.\"}}", scan(new CodeScanned.InvalidIdCard("century")));
        assertEquals("{\"type\":\"scan\",\"kind\":\"dossier\",\"code\":\"000.00.19.H29-250714-0042\",\"receivedOn\":"
                + "\"2025-07-14\",\"serviceId\":\"return-results\"}", scan(new CodeScanned.DossierRead(
                "000.00.19.H29-250714-0042", LocalDate.of(2025, 7, 14), "return-results")));
        assertEquals("{\"type\":\"scan\",\"kind\":\"ticket\",\"ticketId\":\"t-1\",\"number\":\"E001\",\"status\":\"called\","
                + "\"serviceId\":\"land\",\"waitingAhead\":0,\"estimatedWaitMinutes\":0,\"counterId\":\"2\"}",
                scan(new CodeScanned.OwnTicketRead("t-1", "E001", TicketStatus.CALLED, "land", 0, 0, "2")));
        assertEquals("{\"type\":\"scan\",\"kind\":\"unknown\",\"message\":{\"vi\":\"Không nhận ra mã này.\",\"en\":"
                + "\"This code is not recognised.\"}}", scan(new CodeScanned.NotRecognised()));
        assertEquals("{\"type\":\"scan\",\"kind\":\"unreadable\",\"message\":{\"vi\":\"Không đọc được mã. Vui lòng quét lại.\","
                + "\"en\":\"The code could not be read. Please scan it again.\"}}", scan(new CodeScanned.Unreadable()));
    }

    private String scan(CodeScanned scanned) throws Exception {
        return json.writeValueAsString(ScanMessage.of(scanned));
    }
}
