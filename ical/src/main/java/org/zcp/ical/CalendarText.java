package org.zcp.ical;

import java.io.IOException;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import org.zcp.ical.ICalException.Precondition;

/**
 * A parsed iCalendar text with the time zones it defines: what the conversions read dates through.
 * Dates are read from the property's own text and TZID (not ical4j's typed values, whose zone ids
 * are synthetic and which throw late on an unknown TZID, docs/ical-library-notes.md 1.4 and 3.3).
 */
final class CalendarText {
    final Calendar calendar;
    final TimeZoneRegistry registry;
    final ZoneId defaultZone;
    /** The VTIMEZONE components by TZID, in the order given. */
    final Map<String, Component> timezones = new LinkedHashMap<>();

    private CalendarText(Calendar calendar, TimeZoneRegistry registry, ZoneId defaultZone) {
        this.calendar = calendar;
        this.registry = registry;
        this.defaultZone = defaultZone;
        for (Component c : calendar.getComponents(Component.VTIMEZONE)) {
            c.getProperty(Property.TZID).ifPresent(p -> timezones.putIfAbsent(((Property) p).getValue(), c));
        }
    }

    /** Parses a VCALENDAR; VALID_CALENDAR_DATA when it is none or cannot be read. */
    static CalendarText parse(String text, ZoneId defaultZone) {
        if (text == null) throw invalid("no calendar data");
        String t = Lines.crlf(text);
        if (!t.stripLeading().regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15)) {
            throw invalid("not iCalendar data: it does not begin with BEGIN:VCALENDAR");
        }
        checkLines(t);
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        CalendarBuilder builder = new CalendarBuilder(CalendarParserFactory.getInstance().get(),
                new ContentHandlerContext().withSuppressInvalidProperties(true), registry);
        Calendar cal;
        try {
            cal = builder.build(new StringReader(t));
        } catch (ParserException e) {
            throw invalid("iCalendar data cannot be parsed: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw invalid("iCalendar data cannot be parsed: " + e);
        }
        return new CalendarText(cal, builder.getRegistry(), defaultZone);
    }

    /**
     * Every unfolded line must be a content line (RFC 5545 3.1: a name of letters, digits and
     * dashes, then ';' or ':'). ical4j, told to drop invalid properties, would otherwise swallow
     * garbage and lines folded without the leading space.
     */
    private static void checkLines(String crlfText) {
        String[] lines = crlfText.split("\r\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isEmpty() || l.charAt(0) == ' ' || l.charAt(0) == '\t') continue;
            int n = 0;
            while (n < l.length() && (Character.isLetterOrDigit(l.charAt(n)) && l.charAt(n) < 128 || l.charAt(n) == '-')) n++;
            if (n == 0 || n >= l.length() || l.charAt(n) != ':' && l.charAt(n) != ';') {
                String shown = l.length() > 40 ? l.substring(0, 40) + "..." : l;
                throw invalid("line " + (i + 1) + " is not an iCalendar content line: " + shown);
            }
        }
    }

    static ICalException invalid(String message) {
        return new ICalException(Precondition.VALID_CALENDAR_DATA, message);
    }

    /** The zone of a TZID: the file's VTIMEZONE, else ical4j's bundled zones and aliases. */
    ZoneId zone(String tzid) {
        ZoneId olson = olson(tzid);
        if (olson != null) return olson;
        if (timezones.containsKey(tzid)) {
            try {
                return kept(tzid);
            } catch (DateTimeException e) {
                throw invalid("the VTIMEZONE " + tzid + " cannot be used: " + e.getMessage());
            }
        }
        try {
            return TimeZoneRegistry.getGlobalZoneId(tzid);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw invalid("unknown time zone \"" + tzid + "\" and no VTIMEZONE for it");
        }
    }

    /**
     * A zone read from a VTIMEZONE of the text. ical4j's zone finds its rules through its registry,
     * which its rules provider holds only weakly: once the registry of a parse is collected, the
     * zone has no rules (an NPE wherever it is used, at random under load). So each distinct
     * VTIMEZONE is read once and its registry kept, and every later text with the same VTIMEZONE
     * gets that zone. Bounded: past {@link #MAX_KEPT} distinct zones a text's own zone is used
     * (as good as its registry's life).
     */
    private ZoneId kept(String tzid) {
        String key = tzid + "\n" + timezones.get(tzid);
        Kept k = KEPT.get(key);
        if (k != null) return k.zone();
        ZoneId z = registry.getZoneId(tzid);
        if (KEPT.size() < MAX_KEPT) KEPT.putIfAbsent(key, new Kept(z, registry));
        return z;
    }

    private record Kept(ZoneId zone, TimeZoneRegistry registry) {
    }

    private static final java.util.Map<String, Kept> KEPT = new java.util.concurrent.ConcurrentHashMap<>();
    static final int MAX_KEPT = 1_000;

    /**
     * The JDK's zone (tzdb) of an Olson TZID given without a VTIMEZONE, or with ical4j's own bundled
     * one (what render writes): ical4j builds rules from a VTIMEZONE's DTSTART and RRULE only and
     * misses transitions given as RDATE (Europe/Moscow's 2014 change is one). A VTIMEZONE of the
     * client's own making is its authority (RFC 5545 3.6.5) and is read as given.
     */
    private ZoneId olson(String tzid) {
        ZoneId z;
        try {
            z = ZoneId.of(tzid);
        } catch (DateTimeException e) {
            return null;
        }
        if (z instanceof ZoneOffset) return null;
        Component given = timezones.get(tzid);
        if (given == null) return z;
        Boolean same = bundledSame.computeIfAbsent(tzid, k -> {
            String ours = new Zones(null, defaultZone).vtimezone(k);
            return ours != null && Lines.split(ours).equals(Lines.split(given.toString()));
        });
        return same ? z : null;
    }

    private final Map<String, Boolean> bundledSame = new java.util.HashMap<>();

    /** Checks that every TZID the components use resolves (VALID_CALENDAR_DATA otherwise). */
    void checkZones(List<? extends Component> components) {
        for (Component c : components) {
            for (Property p : c.getPropertyList().getAll()) {
                Optional<Parameter> tz = p.getParameter(Parameter.TZID);
                if (tz.isPresent()) zone(tz.get().getValue());
            }
        }
    }

    /** A DATE or DATE-TIME property's value: its instant, its TZID, and what form it had. */
    record When(Instant instant, String tzid, boolean dateOnly, boolean floating, ZoneId zone) {
        boolean utc() {
            return tzid == null && !dateOnly && !floating;
        }
    }

    /** The value of a date property; DATE and floating values in {@code zoneForLocal}. */
    When when(Property p, ZoneId zoneForLocal) {
        if (p == null) return null;
        String v = p.getValue().trim();
        String tzid = p.getParameter(Parameter.TZID).map(x -> ((Parameter) x).getValue()).orElse(null);
        int comma = v.indexOf(',');
        if (comma > 0) v = v.substring(0, comma);
        try {
            if (v.length() == 8) {
                LocalDate d = LocalDate.parse(v, Lines.DATE);
                ZoneId z = tzid != null ? zone(tzid) : zoneForLocal;
                return new When(d.atStartOfDay(z).toInstant(), tzid, true, false, z);
            }
            if (v.endsWith("Z") || v.endsWith("z")) {
                LocalDateTime t = LocalDateTime.parse(v.substring(0, v.length() - 1), Lines.LOCAL);
                return new When(t.toInstant(ZoneOffset.UTC), null, false, false, ZoneOffset.UTC);
            }
            LocalDateTime t = LocalDateTime.parse(v, Lines.LOCAL);
            if (tzid != null) {
                ZoneId z = zone(tzid);
                return new When(t.atZone(z).toInstant(), tzid, false, false, z);
            }
            return new When(t.atZone(zoneForLocal).toInstant(), null, false, true, zoneForLocal);
        } catch (DateTimeParseException e) {
            throw invalid("bad date in " + p.getName() + ": " + v);
        }
    }

    /** The components of a calendar other than VTIMEZONE. */
    List<Component> items() {
        List<Component> out = new ArrayList<>();
        for (Component c : calendar.getComponents()) {
            if (!Component.VTIMEZONE.equals(c.getName())) out.add(c);
        }
        return out;
    }

    static String value(Component c, String name) {
        return c.getProperty(name).map(p -> ((Property) p).getValue()).orElse(null);
    }

    static Property prop(Component c, String name) {
        return c.getProperty(name).map(p -> (Property) p).orElse(null);
    }

    static String param(Property p, String name) {
        return p.getParameter(name).map(x -> ((Parameter) x).getValue()).orElse(null);
    }

    /** The TZIDs a component (and its subcomponents) refer to. */
    static void tzids(Component c, java.util.Set<String> out) {
        for (Property p : c.getPropertyList().getAll()) {
            String tz = param(p, Parameter.TZID);
            if (tz != null) out.add(tz);
        }
        for (Object sub : subcomponents(c)) tzids((Component) sub, out);
    }

    static List<Component> subcomponents(Component c) {
        if (c instanceof net.fortuna.ical4j.model.ComponentContainer<?> cc) {
            return new ArrayList<>(cc.getComponentList().getAll());
        }
        return List.of();
    }
}
