package vn.kiosk.storage;

/**
 * Fault injection for the crash tests: with {@code -Dkiosk.crashAt=NAME} the kiosk halts at once
 * (exit 137, no shutdown hooks, as after kill -9) when it reaches the point of that name, the one
 * moment between two commits a test could not otherwise hit. Unset in production: a no-op.
 */
public final class CrashPoint {

    private static final String TARGET = System.getProperty("kiosk.crashAt");

    private CrashPoint() { }

    public static void reached(String name) {
        if (name.equals(TARGET)) {
            System.err.println("kiosk.crashAt=" + name + ": halting as a crash would");
            Runtime.getRuntime().halt(137);
        }
    }
}
