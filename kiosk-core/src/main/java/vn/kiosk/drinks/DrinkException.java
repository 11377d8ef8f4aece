package vn.kiosk.drinks;

import java.util.Map;

/**
 * A drink request the dispenser will not carry out, with a stable code, the HTTP status that fits
 * (the MQTT replies reuse it) and details a caller can act on, such as the limit that was exceeded.
 */
public final class DrinkException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;

    public DrinkException(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    DrinkException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
