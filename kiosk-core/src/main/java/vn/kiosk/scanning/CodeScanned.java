package vn.kiosk.scanning;

import java.time.LocalDate;
import vn.kiosk.events.KioskEvent;
import vn.kiosk.queue.TicketStatus;

/**
 * A code was scanned, and what the touchscreen is to make of it. No personal data: for an ID card
 * only the masked number and the priority category it qualifies for (null: none).
 */
public sealed interface CodeScanned extends KioskEvent {

    /** The kind as the screens and the log name it. */
    String kind();

    /** A valid ID card: its citizen's session has started. */
    record IdCardRead(String maskedId, String priorityOffer) implements CodeScanned {
        public String kind() {
            return "citizen-id";
        }
    }

    /** Looked like an ID card but failed {@code reason}'s check: any session was wiped. */
    record InvalidIdCard(String reason) implements CodeScanned {
        public String kind() {
            return "invalid";
        }
    }

    /** A dossier receipt: its results are handed out at {@code serviceId}. */
    record DossierRead(String code, LocalDate receivedOn, String serviceId) implements CodeScanned {
        public String kind() {
            return "dossier";
        }
    }

    /** One of this kiosk's tickets, as it stands now. */
    record OwnTicketRead(String ticketId, String number, TicketStatus status, String serviceId, long waitingAhead,
                         int estimatedWaitMinutes, String counterId) implements CodeScanned {
        public String kind() {
            return "ticket";
        }
    }

    /** Anything else, or a ticket this kiosk does not know. */
    record NotRecognised() implements CodeScanned {
        public String kind() {
            return "unknown";
        }
    }

    /** Input the scanner refused (too long, control characters), or a code that could not be handled. */
    record Unreadable() implements CodeScanned {
        public String kind() {
            return "unreadable";
        }
    }
}
