package vn.kiosk.health;

/** The kiosk's health as a whole, and its database's: what GET /api/health says and monitors read. */
public enum HealthStatus {
    /** Everything works. */
    UP,
    /** Tickets can still be issued, but a device is not fine or the disk is nearly full. */
    DEGRADED,
    /** Nothing can be issued safely: the database does not answer or cannot write. */
    DOWN
}
