package org.zcp.ical;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;

/** Whole calendars (the iCal gateway's GET and PUT) to calendar object resources and back. */
final class Splitter {
    private Splitter() {
    }

    static List<String> split(String calendar) {
        CalendarText ct = CalendarText.parse(calendar, ZoneOffset.UTC);
        Map<String, List<Component>> byUid = new LinkedHashMap<>();
        for (Component c : ct.items()) {
            String uid = CalendarText.value(c, Property.UID);
            if (uid == null || uid.isBlank()) throw ItemReader.resource("a " + c.getName() + " has no UID");
            byUid.computeIfAbsent(uid, k -> new ArrayList<>()).add(c);
        }
        List<String> out = new ArrayList<>();
        for (List<Component> group : byUid.values()) {
            Set<String> tzids = new LinkedHashSet<>();
            for (Component c : group) CalendarText.tzids(c, tzids);
            List<String> lines = header(ct);
            for (String tz : tzids) {
                Component vtz = ct.timezones.get(tz);
                if (vtz != null) lines.addAll(Lines.split(vtz.toString()));
            }
            for (Component c : group) lines.addAll(Lines.split(c.toString()));
            lines.add("END:VCALENDAR");
            out.add(Lines.fold(lines));
        }
        return out;
    }

    /** BEGIN, VERSION, the original PRODID (ours when none) and CALSCALE; METHOD is left out (RFC 4791 4.1). */
    private static List<String> header(CalendarText ct) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        String prodId = ct.calendar.getProperty(Property.PRODID).map(p -> ((Property) p).getValue()).orElse(null);
        lines.add("PRODID:" + (prodId == null || prodId.isBlank() ? ItemWriter.PRODID : prodId));
        ct.calendar.getProperty(Property.CALSCALE).ifPresent(p -> lines.add(((Property) p).toString().strip()));
        return lines;
    }

    static String join(List<String> resources) {
        Map<String, Component> zones = new LinkedHashMap<>();
        List<String> items = new ArrayList<>();
        for (String r : resources) {
            CalendarText ct = CalendarText.parse(r, ZoneOffset.UTC);
            ct.timezones.forEach(zones::putIfAbsent);
            for (Component c : ct.items()) items.addAll(Lines.split(c.toString()));
        }
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:" + ItemWriter.PRODID);
        lines.add("CALSCALE:GREGORIAN");
        for (Component z : zones.values()) lines.addAll(Lines.split(z.toString()));
        lines.addAll(items);
        lines.add("END:VCALENDAR");
        return Lines.fold(lines);
    }
}
