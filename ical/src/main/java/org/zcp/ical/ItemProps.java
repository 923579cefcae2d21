package org.zcp.ical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import org.zcp.api.mapi.PropTag;
import org.zcp.ical.CalendarText.When;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Recipient;

/** The MAPI properties of a master VEVENT or VTODO (MS-OXOCAL, MS-OXOTASK, MS-OXCICAL's mapping). */
final class ItemProps {
    private ItemProps() {
    }

    /** Attendees kept per item, as MimeToMapi keeps recipients (hostile input). */
    static final int MAX_ATTENDEES = 1000;

    /** Subject, body, class, categories, priority and the change times, shared by events and tasks. */
    static void common(CalendarText ct, Component c, Props p) {
        p.str(PropTag.PR_SUBJECT, CalendarText.value(c, Property.SUMMARY));
        p.str(PropTag.PR_BODY, CalendarText.value(c, Property.DESCRIPTION));
        String cls = CalendarText.value(c, Property.CLASS);
        int sensitivity = cls == null ? 0 : switch (cls.toUpperCase(Locale.ROOT)) {
            case "PRIVATE" -> 2;
            case "CONFIDENTIAL" -> 3;
            default -> 0;
        };
        p.num(PropTag.PR_SENSITIVITY, sensitivity);
        p.bool(Names.PRIVATE, sensitivity >= 2);
        Set<String> categories = new LinkedHashSet<>();
        for (Property cat : c.getPropertyList().getProperties(Property.CATEGORIES)) {
            for (String s : splitList(cat.getValue())) {
                if (!s.isBlank()) categories.add(s.strip());
            }
        }
        if (!categories.isEmpty()) p.put(PropValue.ofStrings(p.tag(Names.KEYWORDS), new ArrayList<>(categories)));
        String prio = CalendarText.value(c, Property.PRIORITY);
        p.num(PropTag.PR_IMPORTANCE, importance(prio));
        When stamp = ct.when(CalendarText.prop(c, Property.DTSTAMP), ct.defaultZone);
        if (stamp != null) p.time(Names.OWNER_CRITICAL_CHANGE, stamp.instant().toEpochMilli());
        When created = ct.when(CalendarText.prop(c, Property.CREATED), ct.defaultZone);
        if (created != null) p.time(PropTag.PR_CREATION_TIME, created.instant().toEpochMilli());
        When modified = ct.when(CalendarText.prop(c, Property.LAST_MODIFIED), ct.defaultZone);
        if (modified != null) p.time(PropTag.PR_LAST_MODIFICATION_TIME, modified.instant().toEpochMilli());
    }

    /** PRIORITY (RFC 5545 3.8.1.9: 1-4 high, 5 normal, 6-9 low) as PR_IMPORTANCE (2 high, 1 normal, 0 low). */
    static int importance(String prio) {
        if (prio == null) return 1;
        try {
            int v = Integer.parseInt(prio.trim());
            return v >= 1 && v <= 4 ? 2 : v >= 6 && v <= 9 ? 0 : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A CATEGORIES value's texts (ical4j gives the escaped list; commas not escaped separate). */
    static List<String> splitList(String v) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '\\' && i + 1 < v.length()) {
                cur.append(v.charAt(++i));
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    static void event(CalendarText ct, Component c, Props p, Message m, When start, When end) {
        long s = start.instant().toEpochMilli();
        long e = end.instant().toEpochMilli();
        p.time(Names.APPT_START_WHOLE, s);
        p.time(Names.APPT_END_WHOLE, e);
        p.time(Tags.PR_START_DATE, s);
        p.time(Tags.PR_END_DATE, e);
        p.time(Names.COMMON_START, s);
        p.time(Names.COMMON_END, e);
        p.num(Names.APPT_DURATION, (e - s) / 60000);
        String allDay = CalendarText.value(c, "X-MICROSOFT-CDO-ALLDAYEVENT");
        p.bool(Names.APPT_SUB_TYPE, start.dateOnly() || "TRUE".equalsIgnoreCase(allDay));
        p.str(Names.LOCATION, CalendarText.value(c, Property.LOCATION));
        p.num(Names.BUSY_STATUS, busyStatus(c));
        String seq = CalendarText.value(c, Property.SEQUENCE);
        if (seq != null && seq.trim().matches("\\d{1,9}")) p.num(Names.APPT_SEQUENCE, Long.parseLong(seq.trim()));
        ItemReader.timeZone(p, start, end, ct.defaultZone);
        organizer(c, p);
        attendees(c, m);
        if (!m.recipients.isEmpty()) p.num(Names.APPT_STATE_FLAGS, 1);
    }

    /** X-MICROSOFT-CDO-BUSYSTATUS when given (FREE, TENTATIVE, BUSY, OOF, WORKINGELSEWHERE), else TRANSP. */
    static int busyStatus(Component c) {
        String cdo = CalendarText.value(c, "X-MICROSOFT-CDO-BUSYSTATUS");
        if (cdo != null) {
            switch (cdo.trim().toUpperCase(Locale.ROOT)) {
                case "FREE": return 0;
                case "TENTATIVE": return 1;
                case "BUSY": return 2;
                case "OOF": return 3;
                case "WORKINGELSEWHERE": return 4;
                default: break;
            }
        }
        String transp = CalendarText.value(c, Property.TRANSP);
        return transp != null && transp.trim().equalsIgnoreCase("TRANSPARENT") ? 0 : 2;
    }

    /** DTSTART and DUE (or DTSTART + DURATION) of a task, with status, percentage and completion. */
    static When[] task(CalendarText ct, Component c, Props p) {
        When start = ct.when(CalendarText.prop(c, Property.DTSTART), ct.defaultZone);
        When due = ct.when(CalendarText.prop(c, Property.DUE), start != null ? start.zone() : ct.defaultZone);
        String dur = CalendarText.value(c, Property.DURATION);
        if (due == null && start != null && dur != null) {
            due = new When(ItemReader.plus(start, dur), start.tzid(), start.dateOnly(), start.floating(), start.zone());
        }
        if (start != null && due != null && due.instant().isBefore(start.instant())) {
            throw CalendarText.invalid("the VTODO " + CalendarText.value(c, Property.UID) + " is due before it starts");
        }
        if (start != null) {
            p.time(Names.TASK_START_DATE, start.instant().toEpochMilli());
            p.time(Names.COMMON_START, start.instant().toEpochMilli());
        }
        if (due != null) {
            p.time(Names.TASK_DUE_DATE, due.instant().toEpochMilli());
            p.time(Names.COMMON_END, due.instant().toEpochMilli());
        }
        When zoneOf = start != null ? start : due;
        if (zoneOf != null) ItemReader.timeZone(p, zoneOf, due, ct.defaultZone);
        String status = CalendarText.value(c, Property.STATUS);
        int st = status == null ? 0 : switch (status.trim().toUpperCase(Locale.ROOT)) {
            case "IN-PROCESS" -> 1;
            case "COMPLETED" -> 2;
            case "CANCELLED" -> 4;
            default -> 0;
        };
        p.num(Names.TASK_STATUS, st);
        String pct = CalendarText.value(c, Property.PERCENT_COMPLETE);
        if (pct != null && pct.trim().matches("\\d{1,3}")) {
            p.put(PropValue.ofDouble(p.tag(Names.PERCENT_COMPLETE), Math.min(100, Integer.parseInt(pct.trim())) / 100.0));
        }
        When completed = ct.when(CalendarText.prop(c, Property.COMPLETED), ct.defaultZone);
        if (completed != null) p.time(Names.TASK_DATE_COMPLETED, completed.instant().toEpochMilli());
        p.bool(Names.TASK_COMPLETE, st == 2);
        return new When[] {start, due};
    }

    /**
     * The first VALARM as MAPI's reminder (MS-OXORMDR 2.2.1): set, minutes before the start, the
     * reminder time (the start; a task's: when it fires) and the signal time (when it fires).
     */
    static void reminder(ItemKind kind, Props p, List<String> alarm, Instant start, Instant end) {
        Instant fires = alarm.isEmpty() ? null : Alarms.fires(alarm, start, end);
        if (fires == null) {
            p.bool(Names.REMINDER_SET, false);
            return;
        }
        p.bool(Names.REMINDER_SET, true);
        p.time(Names.REMINDER_SIGNAL_TIME, fires.toEpochMilli());
        if (kind == ItemKind.EVENT) {
            p.num(Names.REMINDER_DELTA, Math.floorDiv(start.toEpochMilli() - fires.toEpochMilli(), 60000));
            p.time(Names.REMINDER_TIME, start.toEpochMilli());
        } else {
            p.time(Names.REMINDER_TIME, fires.toEpochMilli());
        }
    }

    /** ORGANIZER as the sent-representing and sender properties Outlook reads (SENT-BY: the sender). */
    static void organizer(Component c, Props p) {
        Property org = CalendarText.prop(c, Property.ORGANIZER);
        if (org == null) return;
        String addr = address(org.getValue());
        String name = CalendarText.param(org, Parameter.CN);
        if (name == null || name.isBlank()) name = addr;
        p.str(PropTag.PR_SENT_REPRESENTING_NAME, name);
        p.str(PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS, addr);
        p.str(Tags.PR_SENT_REPRESENTING_ADDRTYPE, "SMTP");
        p.str(Tags.PR_SENT_REPRESENTING_SMTP_ADDRESS, addr);
        String sentBy = CalendarText.param(org, Parameter.SENT_BY);
        String sender = sentBy != null ? address(sentBy) : addr;
        p.str(PropTag.PR_SENDER_NAME, sentBy != null ? sender : name);
        p.str(PropTag.PR_SENDER_EMAIL_ADDRESS, sender);
        p.str(PropTag.PR_SENDER_ADDRTYPE, "SMTP");
        p.str(Tags.PR_SENDER_SMTP_ADDRESS, sender);
    }

    /**
     * ATTENDEEs as recipients (MS-OXCICAL 2.1.3.1.1.20.2): REQ-PARTICIPANT and CHAIR To, OPT-PARTICIPANT
     * Cc, NON-PARTICIPANT and resources (CUTYPE RESOURCE or ROOM) Bcc; PARTSTAT as the track status.
     */
    static void attendees(Component c, Message m) {
        for (Property a : c.getPropertyList().getProperties(Property.ATTENDEE)) {
            if (m.recipients.size() >= MAX_ATTENDEES) break;
            String addr = address(a.getValue());
            String cn = CalendarText.param(a, Parameter.CN);
            String role = upper(CalendarText.param(a, Parameter.ROLE));
            String cutype = upper(CalendarText.param(a, Parameter.CUTYPE));
            int type = "OPT-PARTICIPANT".equals(role) ? PropTag.MAPI_CC
                    : "NON-PARTICIPANT".equals(role) || "RESOURCE".equals(cutype) || "ROOM".equals(cutype)
                            ? PropTag.MAPI_BCC : PropTag.MAPI_TO;
            Recipient r = new Recipient();
            r.props.add(PropValue.ofString(PropTag.PR_DISPLAY_NAME, cn == null || cn.isBlank() ? addr : cn));
            r.props.add(PropValue.ofString(PropTag.PR_EMAIL_ADDRESS, addr));
            r.props.add(PropValue.ofString(PropTag.PR_SMTP_ADDRESS, addr));
            r.props.add(PropValue.ofString(PropTag.PR_ADDRTYPE, "SMTP"));
            r.props.add(PropValue.ofLong(PropTag.PR_RECIPIENT_TYPE, type));
            r.props.add(PropValue.ofLong(Tags.PR_RECIPIENT_TRACKSTATUS, trackStatus(CalendarText.param(a, Parameter.PARTSTAT))));
            r.props.add(PropValue.ofLong(Tags.PR_RECIPIENT_FLAGS, 1));
            m.recipients.add(r);
        }
    }

    /** PARTSTAT as PidTagRecipientTrackStatus: ACCEPTED 3, TENTATIVE 2, DECLINED 4, otherwise respNone 0. */
    static int trackStatus(String partstat) {
        if (partstat == null) return Tags.RESP_NONE;
        return switch (partstat.toUpperCase(Locale.ROOT)) {
            case "ACCEPTED" -> Tags.RESP_ACCEPTED;
            case "TENTATIVE" -> Tags.RESP_TENTATIVE;
            case "DECLINED" -> Tags.RESP_DECLINED;
            default -> Tags.RESP_NONE;
        };
    }

    /** The address of a cal-address: mailto: taken off, any other URI kept whole. */
    static String address(String uri) {
        String v = uri.trim();
        return v.regionMatches(true, 0, "mailto:", 0, 7) ? v.substring(7) : v;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
