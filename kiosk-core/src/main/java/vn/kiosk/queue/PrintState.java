package vn.kiosk.queue;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Whether a ticket is on paper; the lower-case name is what clients and the database see. */
public enum PrintState {
    /** On paper. */
    PRINTED,
    /** A print job is queued or running. */
    PENDING,
    /** The print did not get onto paper; staff can reprint. */
    FAILED,
    /** This kiosk has no printer. */
    NONE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PrintState fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown print state '" + id + "'; known: "
                        + Arrays.stream(values()).map(PrintState::id).toList()));
    }
}
