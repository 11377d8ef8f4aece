package vn.kiosk.fleet.view;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a technician is alerted to about a kiosk; each is opened and resolved from the kiosk's own state. */
public enum AlertKind {
    OFFLINE, SILENT, PAPER_LOW, PAPER_OUT, COVER_OPEN, PRINTER_FAULT, PRINTER_OFFLINE, SCANNER_OFFLINE, WATER_LOW,
    DISPENSER_FAULT, BACKLOG, ISLAND, MAINTENANCE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
