package org.zcp.tools.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The text forms of zarafa-admin's output as the manual prints them (8.2): labels padded to one
 * value column, sizes in MB or KB, local times.
 */
final class OutputFormat {
    /** "Username:              john": values start in column 24. */
    static final int LABEL_WIDTH = 23;
    private static final DateTimeFormatter LOGON_TIME = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss");
    private static final DateTimeFormatter ORPHAN_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private OutputFormat() {
    }

    /** One "Label:   value" line; an empty value leaves the bare label ("Emailaddress:", manual 8.2). */
    static String field(String label, Object value) {
        String v = value == null ? "" : value.toString();
        if (v.isEmpty()) {
            return label;
        }
        if (label.length() >= LABEL_WIDTH) {
            return label + " " + v;
        }
        return label + " ".repeat(LABEL_WIDTH - label.length()) + v;
    }

    static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /** "462 MB", or "12 KB" below one MB. */
    static String size(long bytes) {
        if (bytes < Values.MB) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return Math.round(bytes / (double) Values.MB) + " MB";
    }

    /** A quota level: 0 (or none) means the level is off. */
    static String quotaLevel(Long bytes) {
        return bytes == null || bytes <= 0 ? "unlimited" : size(bytes);
    }

    /** "03/25/11 19:50:29" in the local time zone (manual 8.2, --details). */
    static String logonTime(long epochMillis) {
        return LOGON_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
    }

    /** "2010/03/22 14:22" in the local time zone (manual 8.2, --list-orphans). */
    static String orphanTime(long epochMillis) {
        return ORPHAN_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
    }
}
