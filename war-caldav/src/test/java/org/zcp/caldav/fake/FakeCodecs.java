package org.zcp.caldav.fake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zcp.caldav.resource.Codecs;
import org.zcp.ical.ContentLines;
import org.zcp.ical.ICalException;
import org.zcp.ical.ICalException.Precondition;
import org.zcp.ical.ItemKind;
import org.zcp.ical.NamedIds;
import org.zcp.ical.Parsed;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.NamedProp;
import org.zcp.store.api.mapi.PropValue;

/**
 * A stand-in for zcp-ical: the "MAPI message" keeps the text in PR_BODY and the kind in
 * PR_MESSAGE_CLASS, so the DAV behaviour is tested apart from the conversions.
 */
public final class FakeCodecs implements Codecs {
    public static final int PR_MESSAGE_CLASS = 0x001A001F;
    public static final int PR_BODY = 0x1000001F;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Pattern COMPONENT = Pattern.compile("BEGIN:(VEVENT|VTODO)\\r?\\n.*?END:\\1\\r?\\n?", Pattern.DOTALL);

    public static Message message(ItemKind kind, String text) {
        Message m = new Message();
        m.props.add(PropValue.ofString(PR_MESSAGE_CLASS, kind.messageClass()));
        m.props.add(PropValue.ofString(PR_BODY, text));
        return m;
    }

    public static String text(Message m) {
        return m.props.stream().filter(p -> p.tag == PR_BODY).findFirst().orElseThrow().s;
    }

    public static String event(String uid, String start, String end, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTART:" + start + "\r\nDTEND:" + end
                + "\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    public static String task(String uid, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:" + uid + "\r\nSUMMARY:" + summary
                + "\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
    }

    public static String card(String uid, String fn, String email) {
        return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + fn + "\r\nEMAIL;TYPE=work:" + email
                + "\r\nEND:VCARD\r\n";
    }

    @Override
    public Parsed parseCalendar(String text, NamedIds ids) {
        if (!text.contains("BEGIN:VCALENDAR")) throw new ICalException(Precondition.VALID_CALENDAR_DATA, "not iCalendar");
        List<String> uids = ContentLines.values(text, "UID");
        if (uids.isEmpty()) throw new ICalException(Precondition.VALID_CALENDAR_OBJECT_RESOURCE, "no UID");
        ItemKind kind = text.contains("BEGIN:VTODO") ? ItemKind.TASK : text.contains("BEGIN:VEVENT") ? ItemKind.EVENT : null;
        if (kind == null) throw new ICalException(Precondition.SUPPORTED_CALENDAR_COMPONENT, "no VEVENT or VTODO");
        return new Parsed(uids.get(0), kind, withUid(message(kind, text), ids, uids.get(0)));
    }

    /** Where the stand-in keeps a UID, as the conversions do: a string named property. */
    public static final NamedProp UID = NamedProp.ofName("00020329-0000-0000-C000-000000000046", "urn:zcp:fake:uid");

    @Override
    public NamedProp uidProperty() {
        return UID;
    }

    private static Message withUid(Message m, NamedIds ids, String uid) {
        if (ids != null && uid != null && !uid.isEmpty()) m.props.add(PropValue.ofString(ids.id(UID) << 16 | 0x001F, uid));
        return m;
    }

    @Override
    public String renderCalendar(Message message, NamedIds ids) {
        return text(message);
    }

    @Override
    public boolean overlaps(Message message, NamedIds ids, Instant from, Instant to) {
        String t = text(message);
        List<String> s = ContentLines.values(t, "DTSTART");
        List<String> e = ContentLines.values(t, "DTEND");
        if (s.isEmpty()) return true;
        Instant start = LocalDateTime.parse(s.get(0), UTC).toInstant(ZoneOffset.UTC);
        Instant end = e.isEmpty() ? start : LocalDateTime.parse(e.get(0), UTC).toInstant(ZoneOffset.UTC);
        return start.isBefore(to) && (end.isAfter(from) || end.equals(start) && !start.isBefore(from));
    }

    @Override
    public List<Integer> queryTags(NamedIds ids) {
        return List.of(PR_MESSAGE_CLASS, PR_BODY);
    }

    /** The stand-in's items are tested from their text: a peek with it is whole. */
    @Override
    public boolean needsWhole(Message peeked, NamedIds ids) {
        return false;
    }

    @Override
    public boolean mayRecurIn(Message peeked, NamedIds ids, Instant from, Instant to) {
        return true;
    }

    /** The stand-in's items are single: expanded, they are themselves when they overlap the range, marked so tests see it. */
    @Override
    public String expand(String calendar, Instant from, Instant to) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
        Matcher m = COMPONENT.matcher(calendar);
        while (m.find()) {
            String one = "BEGIN:VCALENDAR\r\n" + m.group().strip() + "\r\nEND:VCALENDAR\r\n";
            if (overlaps(message(ItemKind.EVENT, one), null, from, to)) {
                b.append(m.group().strip().replace("END:", "X-EXPANDED:" + UTC.format(from.atOffset(ZoneOffset.UTC))
                        + "\r\nEND:")).append("\r\n");
            }
        }
        return b.append("END:VCALENDAR\r\n").toString();
    }

    @Override
    public List<String> split(String calendar) {
        List<String> out = new ArrayList<>();
        Matcher m = COMPONENT.matcher(calendar);
        while (m.find()) out.add("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + m.group().strip() + "\r\nEND:VCALENDAR\r\n");
        return out;
    }

    @Override
    public String join(List<String> resources) {
        StringBuilder b = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
        for (String r : resources) {
            Matcher m = COMPONENT.matcher(r);
            while (m.find()) b.append(m.group().strip()).append("\r\n");
        }
        return b.append("END:VCALENDAR\r\n").toString();
    }

    @Override
    public Parsed parseCard(String text, NamedIds ids) {
        if (!text.contains("BEGIN:VCARD")) throw new ICalException(Precondition.VALID_ADDRESS_DATA, "not a vCard");
        List<String> uids = ContentLines.values(text, "UID");
        String uid = uids.isEmpty() ? "" : uids.get(0);
        return new Parsed(uid, ItemKind.CONTACT, withUid(message(ItemKind.CONTACT, text), ids, uid));
    }

    @Override
    public String renderCard(Message message, NamedIds ids, String version) {
        return text(message).replace("VERSION:3.0", "VERSION:" + version);
    }
}
