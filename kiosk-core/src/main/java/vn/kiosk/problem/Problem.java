package vn.kiosk.problem;

import java.util.Map;

/**
 * A request the kiosk will not carry out: the HTTP status that fits, a stable machine-readable code,
 * words for people and, for a few, details a caller can act on (the limit that was exceeded). The
 * one error model of the domain and both adapters: the HTTP API answers
 * {@code {"error": {"code", "message", ...details}}} with the status, an MQTT reply carries the status
 * as {@code code}, the code as {@code errorCode} and the details under {@code details}.
 */
public final class Problem extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Map<String, Object> details;

    public Problem(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public Problem(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public static Problem badRequest(String code, String message) {
        return new Problem(400, code, message);
    }

    public static Problem notFound(String code, String message) {
        return new Problem(404, code, message);
    }

    public static Problem conflict(String code, String message) {
        return new Problem(409, code, message);
    }

    public static Problem unavailable(String code, String message) {
        return new Problem(503, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** What a caller can act on ({@code limitMl}), or empty. */
    public Map<String, Object> details() {
        return details;
    }
}
