package org.zcp.webaccess;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.zcp.store.api.mapi.PropValue;

/** Reading MAPI property lists as the web client's JSON needs them. */
public final class Props {
    /** PR_MESSAGE_FLAGS' MSGFLAG_READ. */
    public static final int MSGFLAG_READ = 0x1;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Props() {
    }

    public static PropValue get(List<PropValue> props, int tag) {
        if (props == null) return null;
        for (PropValue p : props) if (p.tag == tag && p.error == null) return p;
        return null;
    }

    public static String string(List<PropValue> props, int tag) {
        PropValue p = get(props, tag);
        if (p == null) return null;
        if (p.s != null) return p.s;
        if (p.bin != null) return new String(p.bin, StandardCharsets.UTF_8);
        return null;
    }

    public static long number(List<PropValue> props, int tag, long otherwise) {
        PropValue p = get(props, tag);
        if (p == null) return otherwise;
        if (p.l != null) return p.l;
        if (p.b != null) return p.b ? 1 : 0;
        return otherwise;
    }

    public static String hex(List<PropValue> props, int tag) {
        PropValue p = get(props, tag);
        return p == null || p.bin == null ? null : HEX.formatHex(p.bin);
    }

    public static byte[] binary(List<PropValue> props, int tag) {
        PropValue p = get(props, tag);
        return p == null ? null : p.bin;
    }

    /** A time property as ISO 8601; null when absent (or 0, what "unset" is for some). */
    public static String time(List<PropValue> props, int tag) {
        PropValue p = get(props, tag);
        return p == null || p.l == null || p.l == 0 ? null : Instant.ofEpochMilli(p.l).toString();
    }

    public static boolean bool(List<PropValue> props, int tag) {
        PropValue p = get(props, tag);
        return p != null && p.b != null && p.b;
    }

    public static String hex(byte[] b) {
        return b == null ? null : HEX.formatHex(b);
    }

    /** An entry id from the URL: hex digits only, so nothing else reaches the store. */
    public static String id(String id) {
        if (id == null || id.isEmpty() || id.length() > 512 || !id.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw org.zcp.webaccess.ApiException.invalid("not an id: " + (id == null ? "" : id.substring(0, Math.min(40, id.length()))));
        }
        return id.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * A time from the URL or a form: an ISO 8601 instant (with Z or an offset) or a date (its
     * start in UTC); 400 naming {@code what} otherwise.
     */
    public static Instant instant(String v, String what) {
        if (v == null || v.isBlank()) throw org.zcp.webaccess.ApiException.invalid("'" + what + "' is needed (ISO 8601)");
        String s = v.strip();
        try {
            return s.length() == 10 ? java.time.LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(s).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw org.zcp.webaccess.ApiException.invalid("'" + what + "' is not a date (2026-12-24) or a time (ISO 8601)");
        }
    }
}
