package vn.kiosk.storage;

/** The database could not do what was asked; nothing of the failed transaction was kept. */
public final class StorageException extends RuntimeException {

    private final transient StorageFault fault;

    public StorageException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public StorageException(String message, Throwable cause, StorageFault fault) {
        super(message, cause);
        this.fault = fault;
    }

    /** What the disk refused (disk full, read-only, I/O error), or null when the disk is not to blame. */
    public StorageFault fault() {
        return fault;
    }
}
