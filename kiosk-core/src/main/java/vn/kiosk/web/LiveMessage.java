package vn.kiosk.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import vn.kiosk.config.KioskConfig.Text;
import vn.kiosk.drinks.Pour;
import vn.kiosk.queue.PrintState;
import vn.kiosk.queue.Ticket;
import vn.kiosk.queue.TicketStatus;
import vn.kiosk.scanning.CodeScanned;

/**
 * One message of GET /api/events: a JSON object whose {@code type} comes first and says which record
 * it is; the pages (ui/citizen.js, counter.js, display.js) switch on it. Not sealed only so that
 * tests can send messages of their own.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
interface LiveMessage {

    /** A ticket changed: waiting lists refresh, the touchscreen follows its citizen's print. */
    @JsonTypeName("ticket")
    record TicketMessage(String ticketId, String number, String serviceId, TicketStatus status, String counterId,
                         int callCount, PrintState printState) implements LiveMessage {
        static TicketMessage of(Ticket t) {
            return new TicketMessage(t.id(), t.number(), t.serviceId(), t.status(), t.counterId(), t.callCount(),
                    t.printState());
        }
    }

    /** A device's state word changed: the pages ask for the kiosk's state again. */
    @JsonTypeName("device")
    record DeviceMessage(String device, String state, boolean ok) implements LiveMessage { }

    /** Maintenance went on or off. */
    @JsonTypeName("maintenance")
    record MaintenanceMessage(boolean on) implements LiveMessage { }

    /** A pour started, poured on or ended. */
    @JsonTypeName("drink")
    record DrinkMessage(Pour pour) implements LiveMessage { }

    /** A scan: its {@code kind}, the scan's own fields, and for a code the citizen cannot use a message to show. */
    @JsonTypeName("scan")
    record ScanMessage(String kind, @JsonUnwrapped CodeScanned scan,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Text message) implements LiveMessage {

        static ScanMessage of(CodeScanned scan) {
            return new ScanMessage(scan.kind(), scan, switch (scan) {
                case CodeScanned.InvalidIdCard i -> new Text("Mã trên thẻ không hợp lệ. Vui lòng hỏi nhân viên.",
                        "The card's code is not valid. Please ask a member of staff.");
                case CodeScanned.NotRecognised n -> new Text("Không nhận ra mã này.", "This code is not recognised.");
                case CodeScanned.Unreadable u -> new Text("Không đọc được mã. Vui lòng quét lại.",
                        "The code could not be read. Please scan it again.");
                case CodeScanned.IdCardRead c -> null;
                case CodeScanned.DossierRead d -> null;
                case CodeScanned.OwnTicketRead t -> null;
            });
        }
    }
}
