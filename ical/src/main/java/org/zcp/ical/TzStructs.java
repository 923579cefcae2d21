package org.zcp.ical;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * MAPI's time-zone structures from a zone's rules (MS-OXOCAL 2.2.1.39 PidLidTimeZoneStruct, 2.2.1.41
 * TZDEFINITION of PidLidAppointmentTimeZoneDefinitionStartDisplay/EndDisplay), and back to a
 * VTIMEZONE for a TZID no registry knows (what Outlook-made items carry).
 *
 * <p>Windows describes a year by one pair of yearly rules (the n-th weekday of a month; 5 = the
 * last). Each year from 1970 to 2037 is described so; consecutive equal years share one TZRULE
 * (the first is dated 1601, "since ever"). A year with other than two transitions (Moscow 2011 and
 * 2014) is described by the offset it ends with: Windows cannot say more.
 */
final class TzStructs {
    private TzStructs() {
    }

    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 2037;
    private static final int TZRULE_FLAG_EFFECTIVE_TZREG = 0x0002;

    /** One year's rule: biases in minutes (UTC = local + bias) and the two changes (null: no DST). */
    record Rule(int bias, int daylightBias, Change toStandard, Change toDaylight) {
    }

    /** A yearly change: month 1-12, weekday 0 = Sunday, week 1-5 (5 = last), local time before it. */
    record Change(int month, int dayOfWeek, int week, int hour, int minute) {
    }

    static Rule ruleFor(ZoneRules rules, int year) {
        List<ZoneOffsetTransition> inYear = new ArrayList<>();
        var from = LocalDateTime.of(year, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).minus(14, ChronoUnit.HOURS);
        var end = LocalDateTime.of(year + 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).minus(14, ChronoUnit.HOURS);
        ZoneOffsetTransition t = rules.nextTransition(from);
        while (t != null && t.getInstant().isBefore(end) && inYear.size() < 4) {
            if (t.getDateTimeBefore().getYear() == year) inYear.add(t);
            t = rules.nextTransition(t.getInstant());
        }
        if (inYear.size() == 2) {
            ZoneOffsetTransition a = inYear.get(0);
            ZoneOffsetTransition b = inYear.get(1);
            ZoneOffsetTransition up = a.isGap() ? a : b;
            ZoneOffsetTransition down = a.isGap() ? b : a;
            if (up.isGap() && down.isOverlap()) {
                int std = down.getOffsetAfter().getTotalSeconds() / 60;
                int dst = up.getOffsetAfter().getTotalSeconds() / 60;
                return new Rule(-std, -(dst - std), change(down), change(up));
            }
        }
        ZoneOffset last = rules.getOffset(end);
        return new Rule(-last.getTotalSeconds() / 60, 0, null, null);
    }

    private static Change change(ZoneOffsetTransition t) {
        LocalDateTime local = t.getDateTimeBefore();
        int day = local.getDayOfMonth();
        int week = day + 7 > local.toLocalDate().lengthOfMonth() ? 5 : (day - 1) / 7 + 1;
        return new Change(local.getMonthValue(), local.getDayOfWeek().getValue() % 7, week, local.getHour(),
                local.getMinute());
    }

    /** PidLidTimeZoneStruct (48 bytes) for the rule in effect in {@code year}. */
    static byte[] tzStruct(ZoneRules rules, int year) {
        Rule r = ruleFor(rules, year);
        ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(r.bias()).putInt(0).putInt(r.daylightBias());
        b.putShort((short) 0);
        systemTime(b, r.toStandard());
        b.putShort((short) 0);
        systemTime(b, r.toDaylight());
        return b.array();
    }

    /** A TZDEFINITION with the zone's rules 1970-2037; the rule in effect in {@code year} marked effective. */
    static byte[] tzDefinition(String keyName, ZoneRules rules, int year) {
        List<Integer> years = new ArrayList<>();
        List<Rule> list = new ArrayList<>();
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            Rule r = ruleFor(rules, y);
            if (list.isEmpty() || !Objects.equals(list.get(list.size() - 1), r)) {
                years.add(list.isEmpty() ? 1601 : y);
                list.add(r);
            }
        }
        int effective = 0;
        for (int i = 0; i < years.size(); i++) {
            if (years.get(i) <= year) effective = i;
        }
        String key = keyName.length() > 260 ? keyName.substring(0, 260) : keyName;
        byte[] name = key.getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer b = ByteBuffer.allocate(4 + 6 + name.length + 66 * list.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 2).put((byte) 1).putShort((short) (6 + name.length));
        b.putShort((short) 2).putShort((short) key.length()).put(name).putShort((short) list.size());
        for (int i = 0; i < list.size(); i++) {
            Rule r = list.get(i);
            b.put((byte) 2).put((byte) 1).putShort((short) 0x3E);
            b.putShort((short) (i == effective ? TZRULE_FLAG_EFFECTIVE_TZREG : 0));
            b.putShort((short) (int) years.get(i));
            b.put(new byte[14]);
            b.putInt(r.bias()).putInt(0).putInt(r.daylightBias());
            systemTime(b, r.toStandard());
            systemTime(b, r.toDaylight());
        }
        return b.array();
    }

    private static void systemTime(ByteBuffer b, Change c) {
        if (c == null) {
            b.put(new byte[16]);
            return;
        }
        b.putShort((short) 0).putShort((short) c.month()).putShort((short) c.dayOfWeek()).putShort((short) c.week());
        b.putShort((short) c.hour()).putShort((short) c.minute()).putShort((short) 0).putShort((short) 0);
    }

    /** The rule of a PidLidTimeZoneStruct, or null when it is not one. */
    static Rule readStruct(byte[] s) {
        if (s == null || s.length < 48) return null;
        ByteBuffer b = ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN);
        int bias = b.getInt();
        b.getInt();
        int daylightBias = b.getInt();
        b.getShort();
        Change std = readTime(b);
        b.getShort();
        Change dst = readTime(b);
        return new Rule(bias, daylightBias, std == null || dst == null ? null : std, std == null || dst == null ? null : dst);
    }

    private static Change readTime(ByteBuffer b) {
        b.getShort();
        int month = b.getShort();
        int dow = b.getShort();
        int week = b.getShort();
        int hour = b.getShort();
        int minute = b.getShort();
        b.getShort();
        b.getShort();
        return month == 0 ? null : new Change(month, dow, week, hour, minute);
    }

    private static final String[] DAYS = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

    /** A VTIMEZONE (unfolded lines, CRLF) of a rule, named {@code tzid}. */
    static String vtimezone(String tzid, Rule r) {
        StringBuilder s = new StringBuilder();
        s.append("BEGIN:VTIMEZONE\r\n").append("TZID:").append(Lines.raw(tzid)).append("\r\n");
        int std = -r.bias();
        if (r.toStandard() == null) {
            s.append("BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n");
            s.append("TZOFFSETFROM:").append(offset(std)).append("\r\nTZOFFSETTO:").append(offset(std)).append("\r\n");
            s.append("END:STANDARD\r\n");
        } else {
            int dst = std - r.daylightBias();
            observance(s, "STANDARD", r.toStandard(), dst, std);
            observance(s, "DAYLIGHT", r.toDaylight(), std, dst);
        }
        return s.append("END:VTIMEZONE\r\n").toString();
    }

    private static void observance(StringBuilder s, String kind, Change c, int from, int to) {
        s.append("BEGIN:").append(kind).append("\r\n");
        s.append(String.format("DTSTART:1601%02d01T%02d%02d00\r\n", c.month(), c.hour(), c.minute()));
        String week = c.week() >= 5 ? "-1" : Integer.toString(c.week());
        s.append("RRULE:FREQ=YEARLY;BYDAY=").append(week).append(DAYS[c.dayOfWeek() % 7]).append(";BYMONTH=")
                .append(c.month()).append("\r\n");
        s.append("TZOFFSETFROM:").append(offset(from)).append("\r\nTZOFFSETTO:").append(offset(to)).append("\r\n");
        s.append("END:").append(kind).append("\r\n");
    }

    private static String offset(int minutes) {
        int a = Math.abs(minutes);
        return String.format("%s%02d%02d", minutes < 0 ? "-" : "+", a / 60, a % 60);
    }
}
