package org.zcp.api.config;

/**
 * {@code log_level} of manual 7.2 (0: nothing, 6: everything) as the levels of WildFly's log
 * manager: the names the launcher writes into the logging subsystem's configuration, and their
 * values for a handler whose level changes at a reload.
 */
public final class LogLevels {
    private static final String[] NAMES = {"OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "ALL"};
    private static final int[] VALUES = {Integer.MAX_VALUE, 1100, 1000, 900, 800, 500, Integer.MIN_VALUE};

    private LogLevels() {
    }

    /** The log manager's name of {@code log_level} (below 0: OFF, above 6: ALL). */
    public static String name(int logLevel) {
        return NAMES[clamp(logLevel)];
    }

    /** The numeric value of that level, as {@link java.util.logging.Level#intValue()} gives it. */
    public static int value(int logLevel) {
        return VALUES[clamp(logLevel)];
    }

    private static int clamp(int logLevel) {
        return Math.max(0, Math.min(NAMES.length - 1, logLevel));
    }
}
