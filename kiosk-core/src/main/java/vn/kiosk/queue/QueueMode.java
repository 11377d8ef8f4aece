package vn.kiosk.queue;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where tickets go now: a lone kiosk's own file, the site's server, or this kiosk's island range while the server is away. */
public enum QueueMode {
    LOCAL, SITE, ISLAND;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
