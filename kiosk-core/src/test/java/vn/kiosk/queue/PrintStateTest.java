package vn.kiosk.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kiosk.json.Json;

/** The print states keep the strings clients and the database already know. */
class PrintStateTest {

    @Test
    void jsonAndDatabaseStringsAreUnchanged() throws Exception {
        ObjectMapper json = Json.newMapper();
        assertEquals("[\"printed\",\"pending\",\"failed\",\"none\"]", json.writeValueAsString(
                List.of(PrintState.PRINTED, PrintState.PENDING, PrintState.FAILED, PrintState.NONE)));
        for (PrintState s : PrintState.values()) {
            assertEquals(s, PrintState.fromId(s.id()));
        }
    }

    @Test
    void anUnknownStoredStateSaysWhichValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PrintState.fromId("jammed"));
        assertTrue(e.getMessage().contains("'jammed'"), e.getMessage());
    }
}
