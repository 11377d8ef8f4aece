package vn.kiosk.fleet;

/** A command that cannot be carried out, with the reply code that says why (400, 403, 404, 409, 503). */
public final class CommandException extends RuntimeException {

    private final int code;

    public CommandException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The machine-readable reason for a reply code, as the HTTP API's error bodies carry it. */
    static String reason(int code) {
        return switch (code) {
            case 400 -> "bad_request";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 503 -> "unavailable";
            default -> "error";
        };
    }
}
