package vn.kiosk.queue;

/**
 * A request the queue cannot carry out, with a stable machine-readable code and the HTTP status
 * that fits it (the MQTT replies reuse both).
 */
public final class QueueException extends RuntimeException {

    private final int status;
    private final String code;

    public QueueException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    static QueueException notFound(String code, String message) {
        return new QueueException(404, code, message);
    }

    static QueueException badRequest(String code, String message) {
        return new QueueException(400, code, message);
    }

    static QueueException conflict(String code, String message) {
        return new QueueException(409, code, message);
    }
}
