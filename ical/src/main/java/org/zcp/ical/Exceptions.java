package org.zcp.ical;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.zcp.api.mapi.PropTag;
import org.zcp.ical.CalendarText.When;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;

/**
 * The changed occurrences of a recurring appointment as MAPI keeps them beside the recurrence blob
 * ([MS-OXOCAL] 2.2.10.1): one hidden attachment per exception (afException, ATTACH_EMBEDDED_MSG)
 * holding an embedded message of class IPM.OLE.CLASS.{00061055-...} with the occurrence's own
 * times, subject, location, busy status, body, reminder and attendees. The blob says which
 * occurrences changed and how their times, subject and location differ; the attachment carries what
 * the blob has no room for (body, attendees). Written from a calendar object resource's overrides,
 * read back when Outlook made or changed the series (the blob then holds what the kept text does not).
 */
final class Exceptions {
    private Exceptions() {
    }

    /** PidTagMessageClass of an exception's embedded message ([MS-OXOCAL] 2.2.10.1.2). */
    static final String MESSAGE_CLASS = "IPM.OLE.CLASS.{00061055-0000-0000-C000-000000000046}";

    /**
     * An exception attachment for each override of a master whose recurrence went into the blob;
     * {@code zone} is the series' zone (the exception times Outlook keeps in local time).
     */
    static List<Attachment> write(CalendarText ct, Component master, List<Component> overrides, NamedIds ids,
            ZoneId zone) {
        List<Attachment> out = new ArrayList<>();
        String masterBody = CalendarText.value(master, Property.DESCRIPTION);
        List<String> masterAttendees = attendees(master);
        for (Component o : overrides) {
            Message e = new Message();
            e.recipients = new ArrayList<>();
            e.attachments = new ArrayList<>();
            Props ep = new Props(e.props, ids);
            ep.str(PropTag.PR_MESSAGE_CLASS, MESSAGE_CLASS);
            ItemProps.common(ct, o, ep);
            When[] se = ItemReader.eventTimes(ct, o);
            ItemProps.event(ct, o, ep, e, se[0], se[1]);
            Instant original = ct.when(CalendarText.prop(o, Property.RECURRENCE_ID), zone).instant();
            ep.time(Names.EXCEPTION_REPLACE_TIME, original.toEpochMilli());
            ep.bool(Names.RECURRING, false);
            ep.bool(Names.F_EXCEPTIONAL_BODY, !Objects.equals(masterBody, CalendarText.value(o, Property.DESCRIPTION)));
            ep.bool(Names.F_EXCEPTIONAL_ATTENDEES, !masterAttendees.equals(attendees(o)));
            List<String> alarm = new ArrayList<>();
            for (Component sub : CalendarText.subcomponents(o)) {
                if (Component.VALARM.equals(sub.getName()) && alarm.isEmpty()) alarm.addAll(Lines.split(sub.toString()));
            }
            ItemProps.reminder(ItemKind.EVENT, ep, alarm, se[0].instant(), se[1].instant());

            Attachment a = new Attachment();
            a.embedded = e;
            a.props.add(PropValue.ofLong(PropTag.PR_ATTACH_METHOD, Tags.ATTACH_EMBEDDED_MSG));
            a.props.add(PropValue.ofBool(Tags.PR_ATTACHMENT_HIDDEN, true));
            a.props.add(PropValue.ofLong(Tags.PR_ATTACHMENT_FLAGS, Tags.AF_EXCEPTION));
            a.props.add(PropValue.ofLong(Tags.PR_RENDERING_POSITION, -1));
            a.props.add(PropValue.ofTime(Tags.PR_EXCEPTION_REPLACETIME, original.toEpochMilli()));
            a.props.add(PropValue.ofTime(Tags.PR_EXCEPTION_STARTTIME, localAsUtc(se[0].instant(), zone)));
            a.props.add(PropValue.ofTime(Tags.PR_EXCEPTION_ENDTIME, localAsUtc(se[1].instant(), zone)));
            String subject = CalendarText.value(o, Property.SUMMARY);
            a.props.add(PropValue.ofString(PropTag.PR_DISPLAY_NAME, subject == null ? "" : subject));
            out.add(a);
        }
        return out;
    }

    /** The exception's embedded message for the occurrence originally at {@code original}; null when none is kept. */
    static Message of(Message m, Instant original, NamedIds ids) {
        if (m == null || m.attachments == null) return null;
        for (Attachment a : m.attachments) {
            if (a.embedded == null) continue;
            Props ap = new Props(a.props, ids);
            Long flags = ap.num(Tags.PR_ATTACHMENT_FLAGS);
            if (flags == null || (flags & Tags.AF_EXCEPTION) == 0) continue;
            Long replace = new Props(a.embedded.props, ids).num(Names.EXCEPTION_REPLACE_TIME);
            if (replace == null) replace = ap.num(Tags.PR_EXCEPTION_REPLACETIME);
            // Outlook keeps the original start to the minute
            if (replace != null && Math.abs(replace - original.toEpochMilli()) < 60_000) return a.embedded;
        }
        return null;
    }

    /** PidTagExceptionStartTime's form: the local wall time in the series' zone, written as if it were UTC. */
    private static long localAsUtc(Instant t, ZoneId zone) {
        LocalDateTime local = t.atZone(zone == null ? ZoneOffset.UTC : zone).toLocalDateTime();
        return local.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** The ATTENDEE values of a component, as written (what tells an override's attendees from its master's). */
    private static List<String> attendees(Component c) {
        List<String> out = new ArrayList<>();
        for (Property a : c.getPropertyList().getProperties(Property.ATTENDEE)) out.add(ItemProps.address(a.getValue()));
        return out;
    }
}
