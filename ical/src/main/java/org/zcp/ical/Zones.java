package org.zcp.ical;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;

/**
 * The VTIMEZONE of a TZID when rendering, in this order: the one the client sent (kept with the
 * item), ical4j's bundled zone (Olson 2025a, and its aliases for Windows names, written under the
 * TZID asked for), or one built from PidLidTimeZoneStruct (an item Outlook made, whose TZID is
 * Outlook's description of the zone).
 */
final class Zones {
    private final Map<String, String> kept = new LinkedHashMap<>();
    private final Map<String, String> built = new LinkedHashMap<>();
    private final Map<String, String> bundled = new LinkedHashMap<>();
    private final ZoneId defaultZone;

    Zones(String keptText, ZoneId defaultZone) {
        this.defaultZone = defaultZone;
        List<String> lines = Lines.split(keptText);
        StringBuilder cur = null;
        String tzid = null;
        for (String l : lines) {
            if (l.equalsIgnoreCase("BEGIN:VTIMEZONE")) {
                cur = new StringBuilder();
                tzid = null;
            }
            if (cur == null) continue;
            cur.append(l).append("\r\n");
            if (tzid == null && l.regionMatches(true, 0, "TZID", 0, 4)) {
                int colon = ContentLines.valueStart(l);
                if (colon > 0) tzid = ItemProps.splitList(l.substring(colon + 1)).get(0);
            }
            if (l.equalsIgnoreCase("END:VTIMEZONE")) {
                if (tzid != null) kept.putIfAbsent(tzid, cur.toString());
                cur = null;
            }
        }
    }

    /** The zone of a TZID (null when none can be found); {@code struct} is the fallback's rule. */
    ZoneId zone(String tzid, TzStructs.Rule struct) {
        String vtz = vtimezone(tzid);
        if (vtz == null && struct != null) {
            vtz = TzStructs.vtimezone(tzid, struct);
            built.put(tzid, vtz);
        }
        if (vtz == null) return null;
        if (bundled.containsKey(tzid)) {
            try {
                ZoneId z = ZoneId.of(tzid);
                if (!(z instanceof java.time.ZoneOffset)) return z;
            } catch (DateTimeException e) {
                // not an Olson id: one of ical4j's aliases (Windows names)
            }
            try {
                return TimeZoneRegistry.getGlobalZoneId(tzid);
            } catch (DateTimeException | IllegalArgumentException e) {
                // fall through: read the VTIMEZONE itself
            }
        }
        String key = tzid + "\n" + vtz;
        Read known = READ.get(key);
        if (known != null) return known.zone();
        String cal = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" + vtz
                + "BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20000101T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        CalendarText read;
        try {
            read = CalendarText.parse(cal, defaultZone);
        } catch (ICalException e) {
            return null;
        }
        ZoneId z = read.zone(tzid);
        if (z != null) {
            if (READ.size() >= MAX_READ) READ.clear();
            READ.put(key, new Read(z, read));
        }
        return z;
    }

    /** A zone read from a VTIMEZONE, with what it was read into: ical4j's zone finds its rules there. */
    private record Read(ZoneId zone, CalendarText from) {
    }

    /**
     * Zones read from VTIMEZONE texts, by TZID and text: ical4j builds a zone's transitions from
     * its rules at every read (1 ms and more each), and a calendar holds the same few zones in
     * every item. Bounded: emptied when full.
     */
    private static final java.util.Map<String, Read> READ = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_READ = 2_000;

    /** The VTIMEZONE text (CRLF lines) of a TZID, or null. */
    String vtimezone(String tzid) {
        String k = kept.get(tzid);
        if (k != null) return k;
        k = built.get(tzid);
        if (k != null) return k;
        k = bundled.get(tzid);
        if (k != null) return k;
        TimeZoneRegistry reg = TimeZoneRegistryFactory.getInstance().createRegistry();
        TimeZone tz;
        try {
            tz = reg.getTimeZone(tzid);
        } catch (RuntimeException e) {
            tz = null;
        }
        if (tz == null || tz.getVTimeZone() == null) return null;
        StringBuilder out = new StringBuilder();
        for (String l : Lines.split(tz.getVTimeZone().toString())) {
            if (l.regionMatches(true, 0, "TZID:", 0, 5) || l.regionMatches(true, 0, "TZID;", 0, 5)) {
                l = "TZID:" + Lines.raw(tzid);
            } else if (l.regionMatches(true, 0, "TZURL", 0, 5) || l.regionMatches(true, 0, "X-LIC-LOCATION", 0, 14)) {
                continue;
            }
            out.append(l).append("\r\n");
        }
        bundled.put(tzid, out.toString());
        return out.toString();
    }
}
