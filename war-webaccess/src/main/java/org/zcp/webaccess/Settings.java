package org.zcp.webaccess;

import java.util.List;

/**
 * What webaccess.cfg says, as zarafa-server passed it (tools' WebaccessConfig): system
 * properties, read once per use so a test can set them.
 */
public final class Settings {
    /** The languages the client has catalogs for (manual 4.14: chosen at the logon page). */
    public static final List<String> LANGUAGES = List.of("en", "nl", "de", "fr", "pl");

    private Settings() {
    }

    /** default_language. */
    public static String language() {
        String l = System.getProperty("zcp.webaccess.language", "en");
        return LANGUAGES.contains(l) ? l : "en";
    }

    /** session_timeout, in seconds. */
    public static int sessionTimeoutSeconds() {
        return Integer.getInteger("zcp.webaccess.session.timeout", 30) * 60;
    }

    /** max_upload_size, in bytes. */
    public static long maxUpload() {
        return Long.getLong("zcp.webaccess.max.upload", 20L * 1024 * 1024);
    }

    /** The server's time zone (server_timezone of ical.cfg, else the JVM's). */
    public static String timezone() {
        return System.getProperty("zcp.ical.timezone", java.time.ZoneId.systemDefault().getId());
    }
}
