package org.zcp.ical;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.Recipient;

/** An IPM.Appointment or IPM.Task as a calendar object resource (the reverse of {@link ItemReader}). */
final class ItemWriter {
    private ItemWriter() {
    }

    static final String PRODID = "-//Zarafa//ZCP 7.1//EN";
    /** A line of the extra text (not rendered) naming the task dates that were DATE values. */
    static final String DATE_ONLY_HINT = "X-ZCP-DATE-ONLY";

    static String render(Message m, NamedIds ids, ZoneId defaultZone) {
        Props p = new Props(m.props, ids);
        ItemKind kind = ItemKind.ofMessage(p.str(PropTag.PR_MESSAGE_CLASS));
        if (kind == ItemKind.CONTACT) throw new IllegalArgumentException("a contact is rendered as a vCard");
        if (kind == null) kind = p.get(Names.TASK_STATUS) != null ? ItemKind.TASK : ItemKind.EVENT;
        String tzid = p.str(Names.TIMEZONE_DESCRIPTION);
        Zones zones = new Zones(p.str(Names.TIMEZONES), defaultZone);
        ZoneId zone = tzid == null ? ZoneOffset.UTC : zones.zone(tzid, TzStructs.readStruct(p.bin(Names.TIMEZONE_STRUCT)));
        if (zone == null) {
            tzid = null;
            zone = ZoneOffset.UTC;
        }
        String component = kind.component();
        List<String> c = new ArrayList<>();
        c.add("BEGIN:" + component);
        c.add(Lines.property("UID", uid(p, m)));
        String stamp = stamp(p);
        c.add("DTSTAMP:" + stamp);
        Long created = p.num(PropTag.PR_CREATION_TIME);
        if (created != null) c.add("CREATED:" + Lines.utc(created));
        Long modified = p.num(PropTag.PR_LAST_MODIFICATION_TIME);
        if (modified != null) c.add("LAST-MODIFIED:" + Lines.utc(modified));
        Set<String> dateOnly = new LinkedHashSet<>();
        List<String> extra = Lines.split(p.str(Names.EXTRA));
        for (String l : extra) {
            if (l.startsWith(DATE_ONLY_HINT + ":")) dateOnly.addAll(List.of(l.substring(DATE_ONLY_HINT.length() + 1).split(",")));
        }
        Instant start;
        Instant end;
        if (kind == ItemKind.EVENT) {
            Long s = p.num(Names.APPT_START_WHOLE);
            if (s == null) s = p.num(Tags.PR_START_DATE);
            Long e = p.num(Names.APPT_END_WHOLE);
            if (e == null) e = p.num(Tags.PR_END_DATE);
            if (s == null) throw new IllegalArgumentException("the appointment has no start");
            start = Instant.ofEpochMilli(s);
            end = Instant.ofEpochMilli(e == null ? s : Math.max(e, s));
            boolean allDay = p.bool(Names.APPT_SUB_TYPE);
            ZoneId dayZone = tzid == null ? defaultZone : zone;
            c.add(time("DTSTART", start, allDay, tzid, allDay ? dayZone : zone));
            c.add(time("DTEND", end, allDay, tzid, allDay ? dayZone : zone));
            if (allDay) c.add("X-MICROSOFT-CDO-ALLDAYEVENT:TRUE");
        } else {
            Long s = p.num(Names.TASK_START_DATE);
            Long d = p.num(Names.TASK_DUE_DATE);
            start = s == null ? null : Instant.ofEpochMilli(s);
            end = d == null ? null : Instant.ofEpochMilli(d);
            ZoneId dayZone = tzid == null ? defaultZone : zone;
            if (start != null) c.add(time("DTSTART", start, dateOnly.contains("DTSTART"), tzid,
                    dateOnly.contains("DTSTART") ? dayZone : zone));
            if (end != null) c.add(time("DUE", end, dateOnly.contains("DUE"), tzid, dateOnly.contains("DUE") ? dayZone : zone));
        }
        text(c, "SUMMARY", p.str(PropTag.PR_SUBJECT));
        text(c, "DESCRIPTION", p.str(PropTag.PR_BODY));
        if (kind == ItemKind.EVENT) text(c, "LOCATION", p.str(Names.LOCATION));
        Long sensitivity = p.num(PropTag.PR_SENSITIVITY);
        if (sensitivity != null && sensitivity == 3) c.add("CLASS:CONFIDENTIAL");
        else if (sensitivity != null && sensitivity >= 1 || p.bool(Names.PRIVATE)) c.add("CLASS:PRIVATE");
        List<String> keywords = p.strs(Names.KEYWORDS);
        if (keywords != null && !keywords.isEmpty()) {
            List<String> esc = new ArrayList<>();
            for (String k : keywords) esc.add(Lines.text(k));
            c.add("CATEGORIES:" + String.join(",", esc));
        }
        Long importance = p.num(PropTag.PR_IMPORTANCE);
        if (importance != null && importance != 1) c.add("PRIORITY:" + (importance >= 2 ? 1 : 9));
        if (kind == ItemKind.EVENT) {
            Long seq = p.num(Names.APPT_SEQUENCE);
            if (seq != null) c.add("SEQUENCE:" + seq);
            int b = busyStatus(p);
            c.add("TRANSP:" + (b == 0 ? "TRANSPARENT" : "OPAQUE"));
            String[] cdo = {"FREE", "TENTATIVE", "BUSY", "OOF", "WORKINGELSEWHERE"};
            c.add("X-MICROSOFT-CDO-BUSYSTATUS:" + (b >= 0 && b < cdo.length ? cdo[b] : "BUSY"));
            organizer(c, p);
            attendees(c, m);
        } else {
            task(c, p);
        }
        List<String> recurrence = kind == ItemKind.EVENT && start != null
                ? Recurrences.lines(p, new Recurrences.Master(uid(p, m), stamp(p), p.bool(Names.APPT_SUB_TYPE)
                        ? (tzid == null ? defaultZone : zone) : zone, tzid, p.bool(Names.APPT_SUB_TYPE),
                        p.str(PropTag.PR_SUBJECT), p.str(Names.LOCATION), busyStatus(p),
                        original -> exceptionLines(m, p, ids, original)))
                : Recurrences.taskLines(p, dateOnly.contains("DTSTART") || start == null && dateOnly.contains("DUE")
                        ? (tzid == null ? defaultZone : zone) : zone, dateOnly.contains("DTSTART")
                        || start == null && dateOnly.contains("DUE"), tzid);
        int firstBlock = 0;
        while (firstBlock < recurrence.size() && !recurrence.get(firstBlock).regionMatches(true, 0, "BEGIN:", 0, 6)) {
            c.add(recurrence.get(firstBlock++));
        }
        extra(c, extra, kind, p, start, end);
        c.add("END:" + component);
        c.addAll(recurrence.subList(firstBlock, recurrence.size()));

        List<String> out = new ArrayList<>();
        out.add("BEGIN:VCALENDAR");
        out.add("VERSION:2.0");
        out.add("PRODID:" + PRODID);
        out.add("CALSCALE:GREGORIAN");
        for (String tz : tzids(c)) out.addAll(Lines.split(zones.vtimezone(tz)));
        out.addAll(c);
        out.add("END:VCALENDAR");
        return Lines.fold(out);
    }

    /**
     * The lines of an override from the blob that the blob has no room for: the body and attendees
     * of the exception's embedded message when it keeps its own, else the master's; the organizer.
     */
    private static List<String> exceptionLines(Message m, Props p, NamedIds ids, Instant original) {
        Message e = Exceptions.of(m, original, ids);
        Props ep = e == null ? null : new Props(e.props, ids);
        List<String> out = new ArrayList<>();
        text(out, "DESCRIPTION", ep != null && ep.bool(Names.F_EXCEPTIONAL_BODY) ? ep.str(PropTag.PR_BODY)
                : p.str(PropTag.PR_BODY));
        organizer(out, p);
        attendees(out, ep != null && ep.bool(Names.F_EXCEPTIONAL_ATTENDEES) ? e : m);
        return out;
    }

    /** DTSTAMP: the owner's last critical change, else the last modification, else now. */
    private static String stamp(Props p) {
        Long stamp = p.num(Names.OWNER_CRITICAL_CHANGE);
        if (stamp == null) stamp = p.num(PropTag.PR_LAST_MODIFICATION_TIME);
        return Lines.utc(stamp != null ? stamp : System.currentTimeMillis());
    }

    private static int busyStatus(Props p) {
        Long busy = p.num(Names.BUSY_STATUS);
        return busy == null ? 2 : busy.intValue();
    }

    private static String uid(Props p, Message m) {
        String uid = p.str(Names.UID);
        if (uid != null) return uid;
        byte[] goid = p.bin(Names.GLOBAL_OBJECT_ID);
        if (goid == null) goid = p.bin(Names.CLEAN_GLOBAL_OBJECT_ID);
        if (goid != null) return Goid.toUid(goid);
        return m.entryId != null ? m.entryId : UUID.randomUUID().toString();
    }

    private static String time(String name, Instant t, boolean date, String tzid, ZoneId zone) {
        if (date) return name + ";VALUE=DATE:" + Lines.date(t.atZone(zone).toLocalDate());
        if (tzid == null) return name + ":" + Lines.utc(t.toEpochMilli());
        return name + ";TZID=" + Lines.param(tzid) + ":" + Lines.local(t.atZone(zone).toLocalDateTime());
    }

    private static void text(List<String> c, String name, String v) {
        if (v != null && !v.isEmpty()) c.add(Lines.property(name, v));
    }

    private static void task(List<String> c, Props p) {
        Long st = p.num(Names.TASK_STATUS);
        String[] status = {"NEEDS-ACTION", "IN-PROCESS", "COMPLETED", "IN-PROCESS", "CANCELLED"};
        int s = st == null ? 0 : st.intValue();
        c.add("STATUS:" + (s >= 0 && s < status.length ? status[s] : "NEEDS-ACTION"));
        Double pct = p.dbl(Names.PERCENT_COMPLETE);
        if (pct != null) c.add("PERCENT-COMPLETE:" + Math.round(Math.max(0, Math.min(1, pct)) * 100));
        Long done = p.num(Names.TASK_DATE_COMPLETED);
        if (done != null) c.add("COMPLETED:" + Lines.utc(done));
    }

    private static void organizer(List<String> c, Props p) {
        String addr = p.str(Tags.PR_SENT_REPRESENTING_SMTP_ADDRESS);
        if (addr == null) addr = p.str(PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS);
        if (addr == null) return;
        String name = p.str(PropTag.PR_SENT_REPRESENTING_NAME);
        StringBuilder l = new StringBuilder("ORGANIZER");
        if (name != null && !name.equals(addr)) l.append(";CN=").append(Lines.param(name));
        String sender = p.str(Tags.PR_SENDER_SMTP_ADDRESS);
        if (sender == null) sender = p.str(PropTag.PR_SENDER_EMAIL_ADDRESS);
        if (sender != null && !sender.equalsIgnoreCase(addr)) l.append(";SENT-BY=\"").append(uri(sender)).append('"');
        c.add(l.append(':').append(uri(addr)).toString());
    }

    private static void attendees(List<String> c, Message m) {
        if (m.recipients == null) return;
        for (Recipient r : m.recipients) {
            Props rp = new Props(r.props, null);
            String addr = rp.str(PropTag.PR_SMTP_ADDRESS);
            if (addr == null || addr.isEmpty()) addr = rp.str(PropTag.PR_EMAIL_ADDRESS);
            if (addr == null || addr.isEmpty()) continue;
            Long flags = rp.num(Tags.PR_RECIPIENT_FLAGS);
            if (flags != null && (flags & 0x2) != 0) continue;
            Long type = rp.num(PropTag.PR_RECIPIENT_TYPE);
            int t = type == null ? PropTag.MAPI_TO : type.intValue();
            Long track = rp.num(Tags.PR_RECIPIENT_TRACKSTATUS);
            String partstat = switch (track == null ? 0 : track.intValue()) {
                case Tags.RESP_ACCEPTED, Tags.RESP_ORGANIZED -> "ACCEPTED";
                case Tags.RESP_TENTATIVE -> "TENTATIVE";
                case Tags.RESP_DECLINED -> "DECLINED";
                default -> "NEEDS-ACTION";
            };
            StringBuilder l = new StringBuilder("ATTENDEE");
            String name = rp.str(PropTag.PR_DISPLAY_NAME);
            if (name != null && !name.equals(addr)) l.append(";CN=").append(Lines.param(name));
            if (t == PropTag.MAPI_BCC) l.append(";CUTYPE=RESOURCE;ROLE=NON-PARTICIPANT");
            else l.append(";ROLE=").append(t == PropTag.MAPI_CC ? "OPT-PARTICIPANT" : "REQ-PARTICIPANT");
            l.append(";PARTSTAT=").append(partstat);
            if (partstat.equals("NEEDS-ACTION")) l.append(";RSVP=TRUE");
            c.add(l.append(':').append(uri(addr)).toString());
        }
    }

    static String uri(String addr) {
        if (addr.regionMatches(true, 0, "mailto:", 0, 7)) return addr;
        if (!addr.contains("@") && addr.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) return addr;
        return "mailto:" + addr;
    }

    /**
     * The kept lines and subcomponents; VALARMs reconciled with MAPI's reminder: the first alarm
     * is kept as the client wrote it while it fires when the reminder says, rewritten when the
     * reminder was changed (by Outlook, say), dropped when the reminder was cleared.
     */
    private static void extra(List<String> c, List<String> extra, ItemKind kind, Props p, Instant start, Instant end) {
        List<List<String>> alarms = new ArrayList<>();
        List<String> block = null;
        int depth = 0;
        for (String l : extra) {
            if (l.startsWith("X-ZCP-")) continue;
            boolean begin = l.regionMatches(true, 0, "BEGIN:", 0, 6);
            boolean endLine = l.regionMatches(true, 0, "END:", 0, 4);
            if (depth == 0 && begin && l.substring(6).trim().equalsIgnoreCase("VALARM")) {
                block = new ArrayList<>();
            }
            if (begin) depth++;
            if (block != null) block.add(l);
            else c.add(l);
            if (endLine) {
                depth--;
                if (depth == 0 && block != null) {
                    alarms.add(block);
                    block = null;
                }
            }
        }
        Instant fires = null;
        if (p.bool(Names.REMINDER_SET)) {
            Long delta = p.num(Names.REMINDER_DELTA);
            Long signal = p.num(Names.REMINDER_SIGNAL_TIME);
            if (kind == ItemKind.EVENT && delta != null && start != null) fires = start.minusSeconds(delta * 60);
            else if (signal != null) fires = Instant.ofEpochMilli(signal);
            else if (p.num(Names.REMINDER_TIME) != null) fires = Instant.ofEpochMilli(p.num(Names.REMINDER_TIME));
        }
        boolean firstUsable = !alarms.isEmpty() && Alarms.fires(alarms.get(0), start, end) != null;
        if (fires == null) {
            if (firstUsable) alarms.remove(0);
        } else if (!firstUsable || !fires.equals(Alarms.fires(alarms.get(0), start, end))) {
            List<String> a = new ArrayList<>();
            a.add("BEGIN:VALARM");
            a.add("ACTION:DISPLAY");
            a.add("DESCRIPTION:Reminder");
            if (kind == ItemKind.EVENT && start != null) {
                a.add("TRIGGER;RELATED=START:" + Alarms.minutes(-Math.floorDiv(start.toEpochMilli() - fires.toEpochMilli(), 60000)));
            } else {
                a.add("TRIGGER;VALUE=DATE-TIME:" + Lines.utc(fires.toEpochMilli()));
            }
            a.add("END:VALARM");
            if (firstUsable) alarms.set(0, a);
            else alarms.add(0, a);
        }
        for (List<String> a : alarms) c.addAll(a);
    }

    /** The TZIDs the lines refer to, in order. */
    static Set<String> tzids(List<String> lines) {
        Set<String> out = new LinkedHashSet<>();
        for (String l : lines) {
            int colon = ContentLines.valueStart(l);
            String head = colon < 0 ? l : l.substring(0, colon);
            int i = head.toUpperCase(Locale.ROOT).indexOf(";TZID=");
            if (i < 0) continue;
            String rest = head.substring(i + 6);
            if (rest.startsWith("\"")) {
                int q = rest.indexOf('"', 1);
                out.add(q < 0 ? rest.substring(1) : rest.substring(1, q));
            } else {
                int semi = rest.indexOf(';');
                out.add(semi < 0 ? rest : rest.substring(0, semi));
            }
        }
        return out;
    }
}
