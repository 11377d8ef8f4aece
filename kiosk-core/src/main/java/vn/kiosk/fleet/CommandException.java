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
}
