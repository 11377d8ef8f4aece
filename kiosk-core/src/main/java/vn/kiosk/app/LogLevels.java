package vn.kiosk.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Changes a logger's level at run time (technician command log.level); back to the file's on restart. */
final class LogLevels {

    private LogLevels() { }

    /** The logger's own level (null when it inherits). */
    static String get(String logger) {
        return LoggerFactory.getLogger(logger) instanceof Logger l && l.getLevel() != null ? l.getLevel().toString() : null;
    }

    static void set(String logger, String level) {
        if (LoggerFactory.getLogger(logger) instanceof Logger l) {
            l.setLevel(level == null ? null : Level.toLevel(level));
        }
    }
}
