package vn.kiosk.storage;

/** The database could not do what was asked; nothing of the failed transaction was kept. */
public final class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
