package vn.kiosk.fleet.messages;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * One outbox event on the {@code events} topic. {@code data} is the event's JSON object as stored
 * (written as it is, not parsed again); its record depends on {@code type}, e.g.
 * {@link DeviceStateEventData} for {@code printer.state}: read it with {@link #data(com.fasterxml.jackson.databind.ObjectReader, Class)}.
 */
public record FleetEvent(String id, long seq, String type, Instant ts,
                         @JsonRawValue @JsonDeserialize(using = FleetEvent.RawJson.class) String data) {

    /** The data as its record, or null when it is not one. */
    public <T> T data(com.fasterxml.jackson.databind.ObjectReader reader, Class<T> type) {
        try {
            return data == null ? null : reader.forType(type).readValue(data);
        } catch (IOException e) {
            return null;
        }
    }

    /** Keeps an object as its JSON text, the way it is written. */
    static final class RawJson extends StdDeserializer<String> {

        RawJson() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return ctx.readTree(p).toString();
        }
    }
}
