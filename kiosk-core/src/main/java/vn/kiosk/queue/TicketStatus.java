package vn.kiosk.queue;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** issued → called → completed | no_show; recall keeps called, transfer goes back to issued. */
public enum TicketStatus {
    ISSUED, CALLED, COMPLETED, NO_SHOW;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TicketStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
