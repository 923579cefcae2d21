package org.zcp.protocols.imap.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The two date syntaxes of RFC 3501 section 9: {@code date} ({@code 1-Feb-1994}, for SEARCH) and
 * {@code date-time} ({@code "17-Jul-1996 02:44:25 -0700"}, for APPEND and INTERNALDATE). Month
 * names are English and case-insensitive; everything else is fixed, so a hand-written parser is
 * simpler than bending a locale-dependent formatter to it.
 */
public final class ImapDates {
    static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

    private ImapDates() {
    }

    /** {@code date-text}: 1 or 2 digit day, month name, 4 digit year. */
    public static LocalDate parseDate(String text) throws ParseException {
        String[] p = text.split("-", -1);
        if (p.length != 3 || p[0].isEmpty() || p[0].length() > 2 || p[2].length() != 4) {
            throw new ParseException("Invalid date");
        }
        return date(p[0], p[1], p[2]);
    }

    /** {@code date-time} without its quotes; a single-digit day may be padded with a space or not. */
    public static OffsetDateTime parseDateTime(String text) throws ParseException {
        String t = text.startsWith(" ") ? text.substring(1) : text;
        String[] p = t.split(" ", -1);
        if (p.length != 3) throw new ParseException("Invalid date-time");
        String[] d = p[0].split("-", -1);
        String[] time = p[1].split(":", -1);
        if (d.length != 3 || d[0].isEmpty() || d[0].length() > 2 || d[2].length() != 4 || time.length != 3
                || p[2].length() != 5 || (p[2].charAt(0) != '+' && p[2].charAt(0) != '-')) {
            throw new ParseException("Invalid date-time");
        }
        LocalDate date = date(d[0], d[1], d[2]);
        int hh = digits(time[0], 2);
        int mm = digits(time[1], 2);
        int ss = digits(time[2], 2);
        int zh = digits(p[2].substring(1, 3), 2);
        int zm = digits(p[2].substring(3), 2);
        try {
            int sign = p[2].charAt(0) == '-' ? -1 : 1;
            ZoneOffset zone = ZoneOffset.ofHoursMinutes(sign * zh, sign * zm);
            return OffsetDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), hh, mm, ss, 0, zone);
        } catch (DateTimeException e) {
            throw new ParseException("Invalid date-time");
        }
    }

    /** The {@code date-time} of INTERNALDATE responses, with quotes. */
    public static String formatDateTime(OffsetDateTime t) {
        int offset = t.getOffset().getTotalSeconds() / 60;
        return String.format(Locale.ROOT, "\"%2d-%s-%04d %02d:%02d:%02d %s%02d%02d\"", t.getDayOfMonth(),
                month(t.getMonthValue()), t.getYear(), t.getHour(), t.getMinute(), t.getSecond(),
                offset < 0 ? "-" : "+", Math.abs(offset) / 60, Math.abs(offset) % 60);
    }

    private static String month(int m) {
        String s = MONTHS.get(m - 1);
        return s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    private static LocalDate date(String day, String month, String year) throws ParseException {
        int m = MONTHS.indexOf(month.toUpperCase(Locale.ROOT)) + 1;
        if (m == 0) throw new ParseException("Invalid date");
        try {
            return LocalDate.of(digits(year, 4), m, digits(day, day.length()));
        } catch (DateTimeException e) {
            throw new ParseException("Invalid date");
        }
    }

    private static int digits(String s, int count) throws ParseException {
        if (s.length() != count) throw new ParseException("Invalid date");
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new ParseException("Invalid date");
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
