package vn.kiosk.fleet.messages;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import vn.kiosk.json.Json;

/** Reads messages from any kiosk of the fleet, whatever its version. */
public final class FleetMessages {

    private FleetMessages() { }

    /**
     * The kiosk's JSON configuration, lenient where versions differ: a field this version does not
     * know is skipped, and a missing or null number reads as zero, rather than the whole message lost.
     */
    public static ObjectReader reader() {
        return Json.newMapper().reader()
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
