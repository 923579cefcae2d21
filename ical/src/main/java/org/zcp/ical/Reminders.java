package org.zcp.ical;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Reminders dismissed and snoozed, kept in the item itself so every device and client sees them
 * (RFC 9074): dismissing writes {@code ACKNOWLEDGED} (the time) into the event's alarms, which
 * means every trigger up to that time is handled, also those of earlier occurrences of a series;
 * snoozing acknowledges too and adds a snooze alarm ({@code RELATED-TO;RELTYPE=SNOOZE} to the
 * alarm's {@code UID}, an absolute {@code TRIGGER}). Thunderbird keeps the same in
 * {@code X-MOZ-LASTACK} and {@code X-MOZ-SNOOZE-TIME}: read as well, and {@code X-MOZ-LASTACK}
 * written, so a reminder dismissed in Thunderbird stays dismissed in the web client and the other
 * way round.
 *
 * <p>An event moved to later after a dismissal reminds again (its trigger is after the
 * acknowledgement), as in Outlook; a snooze another client acknowledged after it was set is over.
 */
public final class Reminders {
    private Reminders() {
    }

    /** What the item says: acknowledged up to (null: never), snoozed until (null: not snoozed). */
    public record State(Instant acknowledged, Instant snoozedUntil) {
        public static final State NONE = new State(null, null);
    }

    public static State state(String resource) {
        Instant ack = null;
        Instant snooze = null;
        for (List<String> block : CalendarEvents.topBlocks(Lines.split(Itip.unfold(resource)))) {
            if (!CalendarEvents.isEvent(block)) continue;
            for (String l : CalendarEvents.own(block)) {
                String name = CalendarEvents.name(l);
                if (name.equals("X-MOZ-LASTACK")) ack = later(ack, utc(value(l)));
                else if (name.startsWith("X-MOZ-SNOOZE-TIME")) snooze = later(snooze, utc(value(l)));
            }
            for (List<String> alarm : alarms(block)) {
                ack = later(ack, utc(prop(alarm, "ACKNOWLEDGED")));
                if (isSnooze(alarm)) snooze = later(snooze, absoluteTrigger(alarm));
            }
        }
        if (snooze != null && ack != null && !snooze.isAfter(ack)) snooze = null;
        return new State(ack, snooze);
    }

    /** The resource with every reminder up to {@code now} acknowledged and snoozes ended. ICalException without a reminder. */
    public static String dismiss(String resource, Instant now) {
        return acknowledge(resource, now, null);
    }

    /** Acknowledged up to {@code now}, and reminding again at {@code until}. ICalException without a reminder. */
    public static String snooze(String resource, Instant now, Instant until) {
        if (until == null || !until.isAfter(now)) throw CalendarText.invalid("a snooze ends in the future");
        return acknowledge(resource, now, until);
    }

    private static String acknowledge(String resource, Instant now, Instant until) {
        List<List<String>> blocks = CalendarEvents.topBlocks(Lines.split(Itip.unfold(resource)));
        int snoozeInto = -1;
        boolean any = false;
        for (int i = 0; i < blocks.size(); i++) {
            List<String> b = blocks.get(i);
            if (!CalendarEvents.isEvent(b)) continue;
            if (alarms(b).stream().anyMatch(a -> !isSnooze(a))) any = true;
            if (snoozeInto < 0 || !isOverride(b) && isOverride(blocks.get(snoozeInto))) snoozeInto = i;
        }
        if (!any) throw CalendarText.invalid("the event has no reminder");
        String stamp = Lines.utc(now.toEpochMilli());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            List<String> b = blocks.get(i);
            if (!CalendarEvents.isEvent(b)) {
                out.addAll(b);
                continue;
            }
            out.addAll(event(b, stamp, i == snoozeInto ? until : null));
        }
        return Lines.fold(out);
    }

    /** One VEVENT: snooze alarms out, ACKNOWLEDGED in the others, X-MOZ-LASTACK set, a new snooze alarm when asked. */
    private static List<String> event(List<String> block, String stamp, Instant until) {
        List<String> out = new ArrayList<>();
        String related = null;
        int depth = 0;
        List<String> alarm = null;
        for (int i = 0; i < block.size() - 1; i++) {
            String l = block.get(i);
            boolean begin = l.regionMatches(true, 0, "BEGIN:", 0, 6);
            if (begin) depth++;
            if (depth == 2 && begin && l.equalsIgnoreCase("BEGIN:VALARM")) alarm = new ArrayList<>();
            if (alarm != null) {
                alarm.add(l);
            } else if (depth == 1 && !CalendarEvents.name(l).equals("X-MOZ-LASTACK")
                    && !CalendarEvents.name(l).startsWith("X-MOZ-SNOOZE-TIME")) {
                out.add(l);
            } else if (depth > 1) {
                out.add(l);
            }
            if (l.regionMatches(true, 0, "END:", 0, 4)) {
                depth--;
                if (depth == 1 && alarm != null) {
                    if (!isSnooze(alarm)) {
                        String uid = prop(alarm, "UID");
                        List<String> kept = new ArrayList<>();
                        for (String a : alarm) if (!CalendarEvents.name(a).equals("ACKNOWLEDGED")) kept.add(a);
                        kept.add(kept.size() - 1, "ACKNOWLEDGED:" + stamp);
                        if (uid == null) {
                            uid = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
                            kept.add(1, "UID:" + uid);
                        }
                        if (related == null) related = uid;
                        out.addAll(kept);
                    }
                    alarm = null;
                }
            }
        }
        out.add("X-MOZ-LASTACK:" + stamp);
        if (until != null && related != null) {
            out.addAll(List.of("BEGIN:VALARM", "UID:" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT),
                    "ACTION:DISPLAY", "DESCRIPTION:Reminder",
                    "TRIGGER;VALUE=DATE-TIME:" + Lines.utc(until.toEpochMilli()),
                    "RELATED-TO;RELTYPE=SNOOZE:" + related, "END:VALARM"));
        }
        out.add(block.get(block.size() - 1));
        return out;
    }

    // ---- the lines of an alarm -----------------------------------------------------------------

    /** The VALARM blocks nested directly in a VEVENT block. */
    static List<List<String>> alarms(List<String> block) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = null;
        int depth = 0;
        for (String l : block) {
            boolean begin = l.regionMatches(true, 0, "BEGIN:", 0, 6);
            if (begin) depth++;
            if (depth == 2 && begin && l.equalsIgnoreCase("BEGIN:VALARM")) cur = new ArrayList<>();
            if (cur != null) cur.add(l);
            if (l.regionMatches(true, 0, "END:", 0, 4)) {
                depth--;
                if (depth == 1 && cur != null) {
                    out.add(cur);
                    cur = null;
                }
            }
        }
        return out;
    }

    /** A snooze alarm of RFC 9074: RELATED-TO with RELTYPE=SNOOZE. */
    static boolean isSnooze(List<String> alarm) {
        for (String l : alarm) {
            if (!CalendarEvents.name(l).equals("RELATED-TO")) continue;
            int colon = ContentLines.valueStart(l);
            if (colon > 0 && l.substring(0, colon).toUpperCase(Locale.ROOT).contains("RELTYPE=SNOOZE")) return true;
        }
        return false;
    }

    private static boolean isOverride(List<String> block) {
        return CalendarEvents.own(block).stream().anyMatch(l -> CalendarEvents.name(l).equals("RECURRENCE-ID"));
    }

    /** When the snooze alarms among these VALARM blocks remind again (the latest), or null. */
    static Instant snoozedUntil(List<List<String>> alarms) {
        Instant out = null;
        for (List<String> a : alarms) if (isSnooze(a)) out = later(out, absoluteTrigger(a));
        return out;
    }

    private static Instant absoluteTrigger(List<String> alarm) {
        for (String l : alarm) {
            if (CalendarEvents.name(l).equals("TRIGGER")) return utc(value(l));
        }
        return null;
    }

    private static String prop(List<String> alarm, String name) {
        int depth = 0;
        for (String l : alarm) {
            if (l.regionMatches(true, 0, "BEGIN:", 0, 6)) depth++;
            if (depth == 1 && CalendarEvents.name(l).equals(name)) return value(l).trim();
            if (l.regionMatches(true, 0, "END:", 0, 4)) depth--;
        }
        return null;
    }

    private static String value(String line) {
        int colon = ContentLines.valueStart(line);
        return colon < 0 ? "" : line.substring(colon + 1);
    }

    /** A UTC DATE-TIME value ("...Z"); null for anything else. */
    private static Instant utc(String v) {
        if (v == null) return null;
        String s = v.trim();
        if (!s.endsWith("Z") && !s.endsWith("z")) return null;
        try {
            return LocalDateTime.parse(s.substring(0, s.length() - 1), Lines.LOCAL).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
