package org.zcp.ical;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VALARM triggers (RFC 5545 3.8.6.3) as MAPI reminders: the instant an alarm fires, from the
 * TRIGGER line of a VALARM block (relative to the start, to the end with RELATED=END, or absolute),
 * and durations in the iCalendar form.
 */
final class Alarms {
    private Alarms() {
    }

    private static final Pattern DURATION = Pattern.compile(
            "([+-])?P(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");

    /** An iCalendar DURATION value, or null when it is none. */
    static Duration duration(String v) {
        if (v == null) return null;
        Matcher m = DURATION.matcher(v.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) return null;
        long s = 0;
        s += num(m.group(2)) * 7 * 86400;
        s += num(m.group(3)) * 86400;
        s += num(m.group(4)) * 3600;
        s += num(m.group(5)) * 60;
        s += num(m.group(6));
        return Duration.ofSeconds("-".equals(m.group(1)) ? -s : s);
    }

    /** Days of a duration given in days or weeks only (nominal, RFC 5545 3.3.6), else -1. */
    static long nominalDays(String v) {
        if (v == null) return -1;
        Matcher m = DURATION.matcher(v.trim().toUpperCase(Locale.ROOT));
        if (!m.matches() || m.group(4) != null || m.group(5) != null || m.group(6) != null) return -1;
        long d = num(m.group(2)) * 7 + num(m.group(3));
        return "-".equals(m.group(1)) ? -d : d;
    }

    private static long num(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }

    /** The iCalendar form of a signed number of minutes (-PT15M, PT0S, -P1D). */
    static String minutes(long minutes) {
        long a = Math.abs(minutes);
        String sign = minutes > 0 ? "" : minutes < 0 ? "-" : "";
        if (a == 0) return "PT0S";
        if (a % 1440 == 0) return sign + "P" + a / 1440 + "D";
        return sign + "PT" + a + "M";
    }

    /**
     * When the alarm of these unfolded lines (a VALARM block) fires, for an item of this start and
     * end (either may be null); null when it has no usable TRIGGER.
     */
    static Instant fires(List<String> alarm, Instant start, Instant end) {
        for (String l : alarm) {
            if (!l.regionMatches(true, 0, "TRIGGER", 0, 7)) continue;
            if (l.length() > 7 && l.charAt(7) != ';' && l.charAt(7) != ':') continue;
            int colon = ContentLines.valueStart(l);
            if (colon < 0) return null;
            String params = l.substring(7, colon).toUpperCase(Locale.ROOT);
            String value = l.substring(colon + 1).trim();
            if (params.contains("VALUE=DATE-TIME") || value.toUpperCase(Locale.ROOT).endsWith("Z")) {
                try {
                    String v = value.endsWith("Z") || value.endsWith("z") ? value.substring(0, value.length() - 1) : value;
                    return LocalDateTime.parse(v, Lines.LOCAL).toInstant(ZoneOffset.UTC);
                } catch (RuntimeException e) {
                    return null;
                }
            }
            Duration d = duration(value);
            if (d == null) return null;
            Instant base = params.contains("RELATED=END") ? (end != null ? end : start) : (start != null ? start : end);
            return base == null ? null : base.plus(d);
        }
        return null;
    }
}
