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

    private static final java.util.Map<String, TicketStatus> BY_ID = java.util.Map.of(
            ISSUED.id(), ISSUED, CALLED.id(), CALLED, COMPLETED.id(), COMPLETED, NO_SHOW.id(), NO_SHOW);

    static TicketStatus fromId(String id) {
        TicketStatus s = BY_ID.get(id);
        return s != null ? s : valueOf(id.toUpperCase(Locale.ROOT)); // valueOf says which word was wrong
    }
}
