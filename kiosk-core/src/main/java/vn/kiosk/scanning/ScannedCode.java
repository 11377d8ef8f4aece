package vn.kiosk.scanning;

import java.time.LocalDate;

/** What a scanned code turned out to be. */
public sealed interface ScannedCode {

    /** The kind as the UI and events name it. */
    String kind();

    /** A valid chip ID card (personal data inside: see {@link CitizenId}). */
    record IdCard(CitizenId id) implements ScannedCode {
        public String kind() {
            return "citizen-id";
        }
    }

    /** Looked like an ID card but fails its checks; {@code reason} names the check, never the data. */
    record InvalidIdCard(String reason) implements ScannedCode {
        public String kind() {
            return "invalid";
        }
    }

    /** A dossier receipt code {@code <agency>-YYMMDD-XXXX} (Circular 01/2018/TT-VPCP Art. 19). */
    record Dossier(String code, String agency, LocalDate receivedOn, String sequence) implements ScannedCode {
        public String kind() {
            return "dossier";
        }
    }

    /** This kiosk's own ticket QR. */
    record OwnTicket(String ticketId) implements ScannedCode {
        public String kind() {
            return "ticket";
        }
    }

    /** Anything else (a URL, VNeID's one-minute code, noise). */
    record Unknown() implements ScannedCode {
        public String kind() {
            return "unknown";
        }
    }
}
