package org.zcp.api.config;

/** How an option's value is checked when a configuration file is loaded. */
public enum OptionType {
    STRING,
    /** A whole number. */
    INT,
    /** yes/no, true/false, on/off, 1/0. */
    BOOL,
    /** A byte size with an optional unit: 256M, 5M, 16384K, 1G, 1024 (bytes). */
    SIZE;

    boolean accepts(String value) {
        return switch (this) {
            case STRING -> true;
            case INT -> value.isEmpty() || value.matches("-?\\d{1,10}") && fitsInt(value);
            case BOOL -> value.isEmpty() || Config.parseBool(value) != null;
            case SIZE -> value.isEmpty() || Config.parseSize(value) >= 0;
        };
    }

    /** What {@link Config#getInt} can read: an option that loads must not fail when it is used. */
    private static boolean fitsInt(String value) {
        long v = Long.parseLong(value);
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }
}
