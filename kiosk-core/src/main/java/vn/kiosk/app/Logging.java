package vn.kiosk.app;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** Flushes and closes the log files at the very end of a shutdown (after everything else logged). */
final class Logging {

    private Logging() { }

    static void stop() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof ch.qos.logback.classic.LoggerContext context) {
            context.stop();
        }
    }
}
