package org.zcp.ical;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.model.Recur;
import org.zcp.ical.RecurrencePattern.ExceptionInfo;

/**
 * An iCalendar recurrence (RRULE, EXDATE, RECURRENCE-ID overrides; RFC 5545 3.3.10, 3.8.5) as MAPI's
 * recurrence pattern ([MS-OXOCAL] 2.2.1.44) and back. All times are local to the series' zone, as
 * the blob holds them.
 *
 * <p>What MAPI can say: every N days; every weekday; every N weeks on a set of days; day D of every
 * N months (29-31 falling back to the month's last day); the Nth (1-4 or last) of a set of week days
 * of every N months; the same two yearly, in one month. A rule is mapped only when the pattern gives
 * the very occurrences the rule gives: after the mapping, both are expanded (the first
 * {@value #CHECKED} occurrences) and compared, so a rule whose DTSTART is not an occurrence, or that
 * skips the months without a 31st, is refused with the first date where they differ. Refused
 * outright: several RRULEs, RDATE, rules finer than daily, BYHOUR/BYMINUTE/BYSECOND/BYYEARDAY/
 * BYWEEKNO, several BYMONTH or BYMONTHDAY values (but the "28,...,D;BYSETPOS=-1" form of day D), a
 * BYSETPOS other than one value with a BYDAY list, an nth other than 1-4 and -1, a range override
 * (RANGE=THISANDFUTURE).
 */
final class RecurrenceRules {
    private RecurrenceRules() {
    }

    /** Occurrences compared between the rule and the pattern. */
    static final int CHECKED = 400;
    /** Occurrences counted at most to find the end of a bounded series. */
    static final int MAX_COUNTED = 200_000;

    private static final String[] DAY_CODES = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
    private static final Set<String> KNOWN = Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY",
            "BYMONTH", "BYSETPOS", "WKST");

    /** A changed occurrence: its original start, new start and end (local), and what else it changes (null: as the series). */
    record Changed(LocalDateTime originalStart, LocalDateTime start, LocalDateTime end, String subject, String location,
            Integer busyStatus) {
    }

    /**
     * A recurring event in its zone: the rule, the first occurrence's local start and end, whether it
     * is all-day, the excluded starts, the overrides, and the series' own subject, location and busy
     * status (an override's differing values are flagged).
     */
    record Series(String rrule, LocalDateTime start, LocalDateTime end, boolean allDay, ZoneId zone,
            List<LocalDateTime> exdates, List<Changed> overrides, String subject, String location, int busyStatus) {
    }

    /** The pattern, or why there is none (then the iCalendar text is the only record). */
    record Mapped(RecurrencePattern pattern, String notExpressible) {
        static Mapped no(String why) {
            return new Mapped(null, why);
        }
    }

    /** The iCalendar form of a pattern: RRULE value, EXDATE starts, overrides. */
    record ICal(String rrule, List<LocalDateTime> exdates, List<Changed> overrides) {
    }

    // ---------------------------------------------------------------- iCalendar -> pattern

    static Mapped toPattern(Series s) {
        Map<String, String> parts;
        try {
            parts = parts(s.rrule());
        } catch (IllegalArgumentException e) {
            return Mapped.no(e.getMessage());
        }
        for (String k : parts.keySet()) {
            if (!KNOWN.contains(k)) return Mapped.no(k + " has no place in MAPI's recurrence pattern");
        }
        String freq = parts.getOrDefault("FREQ", "");
        int interval;
        try {
            interval = parts.containsKey("INTERVAL") ? Integer.parseInt(parts.get("INTERVAL")) : 1;
        } catch (NumberFormatException e) {
            return Mapped.no("INTERVAL " + parts.get("INTERVAL") + " is not a number");
        }
        if (interval < 1 || interval > 999) return Mapped.no("INTERVAL " + interval + " is outside 1-999");
        if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) return Mapped.no("COUNT and UNTIL together");
        LocalDate first = s.start().toLocalDate();
        int firstDow = parts.containsKey("WKST") ? dayCode(parts.get("WKST")) : 1;
        if (firstDow < 0) return Mapped.no("WKST " + parts.get("WKST"));

        Shape shape;
        try {
            shape = switch (freq) {
                case "DAILY" -> daily(parts, interval);
                case "WEEKLY" -> weekly(parts, interval, first);
                case "MONTHLY" -> monthly(parts, interval, first, false);
                case "YEARLY" -> monthly(parts, interval, first, true);
                case "" -> throw new IllegalArgumentException("the RRULE has no FREQ");
                default -> throw new IllegalArgumentException("FREQ=" + freq + " is finer than MAPI's daily pattern");
            };
        } catch (IllegalArgumentException e) {
            return Mapped.no(e.getMessage());
        }

        int startOffset = s.allDay() ? 0 : s.start().getHour() * 60 + s.start().getMinute();
        int length = (int) Math.max(0, ChronoUnit.MINUTES.between(s.start(), s.end()));
        if (s.allDay()) length = (int) Math.max(1, ChronoUnit.DAYS.between(s.start().toLocalDate(), s.end().toLocalDate())) * 1440;

        RecurrencePattern probe = pattern(shape, firstDow, RecurrencePattern.END_NEVER, RecurrencePattern.NO_END_COUNT,
                first, RecurrencePattern.NO_END_DATE, startOffset, startOffset + length, List.of(), List.of(), List.of());
        int endType;
        int count;
        int endDate;
        if (parts.containsKey("COUNT")) {
            int n;
            try {
                n = Integer.parseInt(parts.get("COUNT"));
            } catch (NumberFormatException e) {
                return Mapped.no("COUNT " + parts.get("COUNT") + " is not a number");
            }
            if (n < 1 || n > MAX_COUNTED) return Mapped.no("COUNT " + n + " is outside 1-" + MAX_COUNTED);
            List<LocalDate> all = dates(probe, n);
            if (all.size() < n) return Mapped.no("the pattern gives fewer than COUNT occurrences");
            endType = RecurrencePattern.END_AFTER_N;
            count = n;
            endDate = RecurrencePattern.minutes(all.get(n - 1));
        } else if (parts.containsKey("UNTIL")) {
            Until until;
            try {
                until = until(parts.get("UNTIL"), s.zone());
            } catch (DateTimeParseException e) {
                return Mapped.no("UNTIL " + parts.get("UNTIL") + " is not a date");
            }
            List<LocalDate> all = new ArrayList<>();
            for (LocalDate d : new Dates(probe)) {
                if (!until.admits(d.atStartOfDay().plusMinutes(startOffset), s.zone(), s.allDay())) break;
                if (all.size() >= MAX_COUNTED) return Mapped.no("more than " + MAX_COUNTED + " occurrences before UNTIL");
                all.add(d);
            }
            if (all.isEmpty()) return Mapped.no("UNTIL is before the first occurrence");
            endType = RecurrencePattern.END_AFTER_DATE;
            count = all.size();
            endDate = RecurrencePattern.minutes(all.get(all.size() - 1));
        } else {
            endType = RecurrencePattern.END_NEVER;
            count = RecurrencePattern.NO_END_COUNT;
            endDate = RecurrencePattern.NO_END_DATE;
        }

        Set<Integer> deleted = new TreeSet<>(Integer::compareUnsigned);
        for (LocalDateTime x : s.exdates()) deleted.add(RecurrencePattern.minutes(x.toLocalDate()));
        Set<Integer> modified = new TreeSet<>(Integer::compareUnsigned);
        List<ExceptionInfo> exceptions = new ArrayList<>();
        List<Changed> overrides = new ArrayList<>(s.overrides());
        overrides.sort((a, b) -> a.start().compareTo(b.start()));
        for (Changed o : overrides) {
            deleted.add(RecurrencePattern.minutes(o.originalStart().toLocalDate()));
            modified.add(RecurrencePattern.minutes(o.start().toLocalDate()));
            exceptions.add(exception(o, s));
        }
        RecurrencePattern p = pattern(shape, firstDow, endType, count, first, endDate, startOffset, startOffset + length,
                new ArrayList<>(deleted), new ArrayList<>(modified), exceptions);
        String differs = compare(s, p);
        if (differs != null) return Mapped.no(differs);
        return new Mapped(p, null);
    }

    /** Frequency, pattern type, period and pattern-specific values. */
    private record Shape(int frequency, int patternType, int period, int weekDays, int dayOfMonth, int weekNumber) {
    }

    private static Shape daily(Map<String, String> parts, int interval) {
        only(parts, "DAILY", "BYDAY");
        if (!parts.containsKey("BYDAY")) return new Shape(RecurrencePattern.DAILY, RecurrencePattern.PT_DAY, interval * 1440, 0, 0, 0);
        if (interval != 1) throw new IllegalArgumentException("FREQ=DAILY with BYDAY and INTERVAL " + interval);
        int mask = plainDays(parts.get("BYDAY"));
        // Outlook's "every weekday" is a daily recurrence of week pattern (Zarafa's recurrence.cpp, RF_DAILY with PT_WEEK)
        if (mask == RecurrencePattern.WEEKDAYS) return new Shape(RecurrencePattern.DAILY, RecurrencePattern.PT_WEEK, 1, mask, 0, 0);
        return new Shape(RecurrencePattern.WEEKLY, RecurrencePattern.PT_WEEK, 1, mask, 0, 0);
    }

    private static Shape weekly(Map<String, String> parts, int interval, LocalDate first) {
        only(parts, "WEEKLY", "BYDAY");
        int mask = parts.containsKey("BYDAY") ? plainDays(parts.get("BYDAY")) : 1 << dow(first);
        return new Shape(RecurrencePattern.WEEKLY, RecurrencePattern.PT_WEEK, interval, mask, 0, 0);
    }

    private static Shape monthly(Map<String, String> parts, int interval, LocalDate first, boolean yearly) {
        String freq = yearly ? "YEARLY" : "MONTHLY";
        int frequency = yearly ? RecurrencePattern.YEARLY : RecurrencePattern.MONTHLY;
        int period = yearly ? interval * 12 : interval;
        if (yearly) {
            only(parts, freq, "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS");
            String bm = parts.get("BYMONTH");
            if (bm != null) {
                if (bm.contains(",")) throw new IllegalArgumentException("several BYMONTH values");
                if (!bm.trim().equals(Integer.toString(first.getMonthValue()))) {
                    throw new IllegalArgumentException("BYMONTH=" + bm + " is not the month of DTSTART");
                }
            } else if (parts.containsKey("BYMONTHDAY") || parts.containsKey("BYDAY")) {
                throw new IllegalArgumentException("FREQ=YEARLY with BYMONTHDAY or BYDAY but no BYMONTH");
            }
        } else {
            only(parts, freq, "BYMONTHDAY", "BYDAY", "BYSETPOS");
        }
        String bmd = parts.get("BYMONTHDAY");
        String bd = parts.get("BYDAY");
        String sp = parts.get("BYSETPOS");
        if (bmd != null) {
            if (bd != null) throw new IllegalArgumentException("BYMONTHDAY with BYDAY");
            String[] v = bmd.split(",");
            if (v.length == 1 && sp == null) {
                int d = integer(v[0], "BYMONTHDAY");
                if (d == -1) return new Shape(frequency, RecurrencePattern.PT_MONTH_NTH, period, 0x7F, 0, 5);
                if (d < 1 || d > 31) throw new IllegalArgumentException("BYMONTHDAY=" + d + " has no place in MAPI's pattern");
                return new Shape(frequency, RecurrencePattern.PT_MONTH, period, 0, d, 0);
            }
            // day D, or the month's last day when shorter: BYMONTHDAY=28,...,D;BYSETPOS=-1
            int last = integer(v[v.length - 1], "BYMONTHDAY");
            boolean clamped = "-1".equals(sp == null ? null : sp.trim()) && last >= 29 && last <= 31 && v.length == last - 27;
            for (int i = 0; clamped && i < v.length; i++) clamped = integer(v[i], "BYMONTHDAY") == 28 + i;
            if (!clamped) throw new IllegalArgumentException("several BYMONTHDAY values");
            return new Shape(frequency, RecurrencePattern.PT_MONTH, period, 0, last, 0);
        }
        if (bd != null) {
            String[] v = bd.split(",");
            if (sp != null) {
                if (sp.contains(",")) throw new IllegalArgumentException("several BYSETPOS values");
                int n = nth(integer(sp, "BYSETPOS"), "BYSETPOS");
                return new Shape(frequency, RecurrencePattern.PT_MONTH_NTH, period, plainDays(bd), 0, n);
            }
            if (v.length != 1) throw new IllegalArgumentException("BYDAY=" + bd + " (several days) without BYSETPOS");
            String one = v[0].trim().toUpperCase(Locale.ROOT);
            if (one.length() <= 2) throw new IllegalArgumentException("BYDAY=" + one + " (every such day of the month)");
            int day = dayCode(one.substring(one.length() - 2));
            if (day < 0) throw new IllegalArgumentException("BYDAY=" + one);
            int n = nth(integer(one.substring(0, one.length() - 2), "BYDAY"), "BYDAY");
            return new Shape(frequency, RecurrencePattern.PT_MONTH_NTH, period, 1 << day, 0, n);
        }
        if (sp != null) throw new IllegalArgumentException("BYSETPOS without BYDAY");
        return new Shape(frequency, RecurrencePattern.PT_MONTH, period, 0, first.getDayOfMonth(), 0);
    }

    private static int nth(int n, String what) {
        if (n >= 1 && n <= 4) return n;
        if (n == -1) return 5;
        throw new IllegalArgumentException(what + " " + n + ": MAPI knows the 1st to 4th and the last");
    }

    private static void only(Map<String, String> parts, String freq, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String k : parts.keySet()) {
            if (k.startsWith("BY") && !ok.contains(k)) throw new IllegalArgumentException(k + " with FREQ=" + freq);
        }
    }

    /** A BYDAY list of plain days (no nth) as a mask. */
    private static int plainDays(String byday) {
        int mask = 0;
        for (String d : byday.split(",")) {
            String t = d.trim().toUpperCase(Locale.ROOT);
            int i = dayCode(t);
            if (i < 0) throw new IllegalArgumentException("BYDAY " + t + " (an nth day) in a list");
            mask |= 1 << i;
        }
        if (mask == 0) throw new IllegalArgumentException("empty BYDAY");
        return mask;
    }

    private static int integer(String v, String what) {
        try {
            return Integer.parseInt(v.trim().startsWith("+") ? v.trim().substring(1) : v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " " + v + " is not a number");
        }
    }

    private static RecurrencePattern pattern(Shape sh, int firstDow, int endType, int count, LocalDate first, int endDate,
            int startOffset, int endOffset, List<Integer> deleted, List<Integer> modified, List<ExceptionInfo> exceptions) {
        int startDate = RecurrencePattern.minutes(first);
        return new RecurrencePattern(sh.frequency(), sh.patternType(), 0, firstDateTime(sh, first, firstDow), sh.period(), 0,
                sh.weekDays(), sh.dayOfMonth(), sh.weekNumber(), endType, count, firstDow, deleted, modified, startDate,
                endDate, RecurrencePattern.READER_VERSION_2, RecurrencePattern.WRITER_VERSION_2, startOffset, endOffset,
                exceptions);
    }

    /**
     * FirstDateTime ([MS-OXOCAL] 2.2.1.44.1.2): daily, the start date modulo the period; weekly, the
     * first day (FirstDOW) of the start's week modulo the period in minutes; monthly and yearly, the
     * minutes from 1601-01-01 to the first of the month that is the start's month counted from
     * January 1601 modulo the period.
     */
    private static int firstDateTime(Shape sh, LocalDate first, int firstDow) {
        if (sh.patternType() == RecurrencePattern.PT_DAY) return RecurrencePattern.minutes(first) % sh.period();
        if (sh.patternType() == RecurrencePattern.PT_WEEK) {
            LocalDate weekStart = first.minusDays((dow(first) - firstDow + 7) % 7);
            return (int) (Integer.toUnsignedLong(RecurrencePattern.minutes(weekStart)) % (sh.period() * 10080L));
        }
        int months = (int) (((first.getYear() - 1601L) * 12 + first.getMonthValue() - 1) % sh.period());
        return RecurrencePattern.minutes(LocalDate.of(1601, 1, 1).plusMonths(months));
    }

    private static ExceptionInfo exception(Changed o, Series s) {
        int flags = 0;
        if (o.subject() != null && !o.subject().equals(nz(s.subject()))) flags |= RecurrencePattern.ARO_SUBJECT;
        if (o.location() != null && !o.location().equals(nz(s.location()))) flags |= RecurrencePattern.ARO_LOCATION;
        if (o.busyStatus() != null && o.busyStatus() != s.busyStatus()) flags |= RecurrencePattern.ARO_BUSYSTATUS;
        return new ExceptionInfo(RecurrencePattern.minutes(o.start()), RecurrencePattern.minutes(o.end()),
                RecurrencePattern.minutes(o.originalStart()), flags, o.subject(), 0, 0, 0, o.location(),
                o.busyStatus() == null ? 0 : o.busyStatus(), 0, 0, 0, 0);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Null when the rule (expanded by ical4j) and the pattern give the same first occurrences, else where they differ. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String compare(Series s, RecurrencePattern p) {
        List<LocalDate> ours = dates(p, CHECKED);
        List<LocalDate> theirs = new ArrayList<>();
        try {
            Recur recur = new Recur<>(s.rrule());
            Temporal seed = s.allDay() ? s.start().toLocalDate() : s.start().atZone(s.zone());
            Temporal end = s.allDay() ? LocalDate.of(4500, 1, 1) : LocalDate.of(4500, 1, 1).atStartOfDay(s.zone());
            List<Temporal> got = recur.getDates(seed, seed, end, CHECKED);
            for (Temporal t : got) {
                theirs.add(t instanceof LocalDate d ? d : ((ZonedDateTime) t).withZoneSameInstant(s.zone()).toLocalDate());
            }
        } catch (RuntimeException e) {
            return "the RRULE cannot be expanded: " + e.getMessage();
        }
        if (ours.isEmpty() || !ours.get(0).equals(s.start().toLocalDate())) {
            return "DTSTART is not an occurrence of the rule as MAPI's pattern would have it";
        }
        int n = Math.min(ours.size(), theirs.size());
        for (int i = 0; i < n; i++) {
            if (!ours.get(i).equals(theirs.get(i))) {
                return "MAPI's pattern would differ from the RRULE: occurrence " + (i + 1) + " on " + ours.get(i)
                        + " instead of " + theirs.get(i) + (i == 0 ? " (DTSTART is not an occurrence of the rule)" : "");
            }
        }
        if (ours.size() != theirs.size() && n < CHECKED) {
            return "MAPI's pattern would give " + (ours.size() > n ? "more" : "fewer") + " occurrences than the RRULE";
        }
        return null;
    }

    /** UNTIL: a date (inclusive, local) or a time (UTC, or floating in the series' zone). */
    private record Until(LocalDate date, Instant instant) {
        boolean admits(LocalDateTime occurrence, ZoneId zone, boolean allDay) {
            if (date != null) return !occurrence.toLocalDate().isAfter(date);
            if (allDay) return !occurrence.toLocalDate().atStartOfDay(zone).toInstant().isAfter(instant);
            return !occurrence.atZone(zone).toInstant().isAfter(instant);
        }
    }

    private static Until until(String v, ZoneId zone) {
        String t = v.trim();
        if (t.length() == 8) return new Until(LocalDate.parse(t, Lines.DATE), null);
        if (t.endsWith("Z") || t.endsWith("z")) {
            return new Until(null, LocalDateTime.parse(t.substring(0, t.length() - 1), Lines.LOCAL).toInstant(ZoneOffset.UTC));
        }
        return new Until(null, LocalDateTime.parse(t, Lines.LOCAL).atZone(zone).toInstant());
    }

    // ---------------------------------------------------------------- pattern -> occurrences

    /** The first {@code max} occurrence dates of a pattern (deleted ones included), its end applied. */
    static List<LocalDate> dates(RecurrencePattern p, int max) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d : new Dates(p)) {
            if (out.size() >= max) break;
            out.add(d);
        }
        return out;
    }

    /** The occurrence dates of a pattern in order, the end (count or date) applied. */
    private static final class Dates implements Iterable<LocalDate> {
        private final RecurrencePattern p;

        Dates(RecurrencePattern p) {
            this.p = p;
        }

        @Override
        public java.util.Iterator<LocalDate> iterator() {
            LocalDate start = RecurrencePattern.local(p.startDate()).toLocalDate();
            LocalDate last = p.endless() || p.endType() == RecurrencePattern.END_AFTER_N ? LocalDate.of(4500, 12, 31)
                    : RecurrencePattern.local(p.endDate()).toLocalDate();
            long limit = p.endType() == RecurrencePattern.END_AFTER_N ? Integer.toUnsignedLong(p.occurrenceCount()) : Long.MAX_VALUE;
            return new java.util.Iterator<>() {
                private LocalDate next = advance(start.minusDays(1));
                private long given;

                @Override
                public boolean hasNext() {
                    return next != null && !next.isAfter(last) && given < limit;
                }

                @Override
                public LocalDate next() {
                    if (!hasNext()) throw new java.util.NoSuchElementException();
                    LocalDate d = next;
                    given++;
                    next = advance(d);
                    return d;
                }

                /** The first occurrence after {@code after}, or null. */
                private LocalDate advance(LocalDate after) {
                    return switch (p.patternType()) {
                        case RecurrencePattern.PT_DAY -> {
                            long step = Math.max(1, Integer.toUnsignedLong(p.period()) / 1440);
                            long k = after.isBefore(start) ? 0 : ChronoUnit.DAYS.between(start, after) / step + 1;
                            yield start.plusDays(k * step);
                        }
                        case RecurrencePattern.PT_WEEK -> week(after);
                        default -> month(after);
                    };
                }

                private LocalDate week(LocalDate after) {
                    if ((p.weekDays() & 0x7F) == 0) return null;
                    LocalDate weekStart = start.minusDays((dow(start) - p.firstDow() + 7) % 7);
                    long period = Math.max(1, Integer.toUnsignedLong(p.period()));
                    LocalDate d = after.plusDays(1).isBefore(start) ? start : after.plusDays(1);
                    for (int guard = 0; guard < 7 * (period + 1) + 7; guard++, d = d.plusDays(1)) {
                        long week = Math.floorDiv(ChronoUnit.DAYS.between(weekStart, d), 7);
                        if (week % period == 0 && (p.weekDays() & 1 << dow(d)) != 0) return d;
                    }
                    return null;
                }

                private LocalDate month(LocalDate after) {
                    long period = Math.max(1, Integer.toUnsignedLong(p.period()));
                    LocalDate m = start.withDayOfMonth(1);
                    long k = after.isBefore(start) ? 0 : Math.max(0, ChronoUnit.MONTHS.between(m, after.withDayOfMonth(1)) / period);
                    for (int guard = 0; guard < 3; guard++, k++) {
                        LocalDate month = m.plusMonths(k * period);
                        LocalDate d = inMonth(month);
                        if (d != null && d.isAfter(after) && !d.isBefore(start)) return d;
                    }
                    return null;
                }

                private LocalDate inMonth(LocalDate month) {
                    int len = month.lengthOfMonth();
                    return switch (p.patternType()) {
                        case RecurrencePattern.PT_MONTH, RecurrencePattern.PT_HJ_MONTH ->
                                month.withDayOfMonth(Math.max(1, Math.min(p.dayOfMonth(), len)));
                        case RecurrencePattern.PT_MONTH_END, RecurrencePattern.PT_HJ_MONTH_END -> month.withDayOfMonth(len);
                        default -> {
                            List<LocalDate> hits = new ArrayList<>();
                            for (int d = 1; d <= len; d++) {
                                LocalDate x = month.withDayOfMonth(d);
                                if ((p.weekDays() & 1 << dow(x)) != 0) hits.add(x);
                            }
                            if (hits.isEmpty()) yield null;
                            int n = p.weekNumber();
                            yield n >= 5 ? hits.get(hits.size() - 1) : n >= 1 && n <= hits.size() ? hits.get(n - 1) : null;
                        }
                    };
                }
            };
        }
    }

    // ---------------------------------------------------------------- pattern -> iCalendar

    /**
     * The RRULE, EXDATEs and overrides of a pattern. {@code zone} and {@code allDay} only shape
     * UNTIL (the last occurrence's start in UTC, or its date).
     */
    static ICal toICal(RecurrencePattern p, ZoneId zone, boolean allDay) {
        StringBuilder r = new StringBuilder("FREQ=");
        int period = (int) Math.max(1, Integer.toUnsignedLong(p.period()));
        LocalDate first = RecurrencePattern.local(p.startDate()).toLocalDate();
        int pt = p.patternType();
        boolean yearly = p.recurFrequency() == RecurrencePattern.YEARLY && period % 12 == 0;
        if (pt == RecurrencePattern.PT_DAY) {
            r.append("DAILY");
            interval(r, Math.max(1, period / 1440));
        } else if (pt == RecurrencePattern.PT_WEEK && p.recurFrequency() == RecurrencePattern.DAILY) {
            r.append("DAILY");
            interval(r, period);
        } else if (pt == RecurrencePattern.PT_WEEK) {
            r.append("WEEKLY");
            interval(r, period);
        } else {
            r.append(yearly ? "YEARLY" : "MONTHLY");
            interval(r, yearly ? period / 12 : period);
        }
        end(r, p, zone, allDay);
        if (pt == RecurrencePattern.PT_WEEK) {
            r.append(";BYDAY=").append(days(p.weekDays()));
            if (p.recurFrequency() != RecurrencePattern.DAILY && p.firstDow() != 1 && p.firstDow() >= 0 && p.firstDow() <= 6) {
                r.append(";WKST=").append(DAY_CODES[p.firstDow()]);
            }
        } else if (pt != RecurrencePattern.PT_DAY) {
            if (yearly) r.append(";BYMONTH=").append(first.getMonthValue());
            if (pt == RecurrencePattern.PT_MONTH_END || pt == RecurrencePattern.PT_HJ_MONTH_END) {
                r.append(";BYMONTHDAY=-1");
            } else if (pt == RecurrencePattern.PT_MONTH || pt == RecurrencePattern.PT_HJ_MONTH) {
                int d = Math.max(1, Math.min(31, p.dayOfMonth()));
                if (d <= 28) {
                    r.append(";BYMONTHDAY=").append(d);
                } else {
                    StringBuilder list = new StringBuilder();
                    for (int i = 28; i <= d; i++) list.append(i == 28 ? "" : ",").append(i);
                    r.append(";BYMONTHDAY=").append(list).append(";BYSETPOS=-1");
                }
            } else {
                int n = p.weekNumber() >= 5 ? -1 : p.weekNumber();
                int mask = p.weekDays() & 0x7F;
                if (Integer.bitCount(mask) == 1) {
                    r.append(";BYDAY=").append(n).append(DAY_CODES[Integer.numberOfTrailingZeros(mask)]);
                } else if (mask == 0x7F && n == -1) {
                    r.append(";BYMONTHDAY=-1");
                } else {
                    r.append(";BYDAY=").append(days(mask)).append(";BYSETPOS=").append(n);
                }
            }
        }

        Set<Integer> originalDays = new TreeSet<>(Integer::compareUnsigned);
        List<Changed> overrides = new ArrayList<>();
        for (ExceptionInfo e : p.exceptions()) {
            LocalDateTime original = RecurrencePattern.local(e.originalStartDate());
            originalDays.add(RecurrencePattern.minutes(original.toLocalDate()));
            overrides.add(new Changed(original, RecurrencePattern.local(e.startDateTime()),
                    RecurrencePattern.local(e.endDateTime()), e.has(RecurrencePattern.ARO_SUBJECT) ? e.subject() : null,
                    e.has(RecurrencePattern.ARO_LOCATION) ? e.location() : null,
                    e.has(RecurrencePattern.ARO_BUSYSTATUS) ? e.busyStatus() : null));
        }
        List<LocalDateTime> exdates = new ArrayList<>();
        for (int d : p.deleted()) {
            if (originalDays.contains(d)) continue;
            exdates.add(RecurrencePattern.local(d).plusMinutes(Integer.toUnsignedLong(p.startTimeOffset())));
        }
        return new ICal(r.toString(), exdates, overrides);
    }

    private static void interval(StringBuilder r, int n) {
        if (n > 1) r.append(";INTERVAL=").append(n);
    }

    private static void end(StringBuilder r, RecurrencePattern p, ZoneId zone, boolean allDay) {
        if (p.endType() == RecurrencePattern.END_AFTER_N) {
            r.append(";COUNT=").append(Integer.toUnsignedLong(p.occurrenceCount()));
        } else if (p.endType() == RecurrencePattern.END_AFTER_DATE) {
            LocalDate last = RecurrencePattern.local(p.endDate()).toLocalDate();
            if (allDay) {
                r.append(";UNTIL=").append(Lines.date(last));
            } else {
                LocalDateTime t = last.atStartOfDay().plusMinutes(Integer.toUnsignedLong(p.startTimeOffset()));
                r.append(";UNTIL=").append(Lines.utc(t.atZone(zone).toInstant().toEpochMilli()));
            }
        }
    }

    private static String days(int mask) {
        List<String> out = new ArrayList<>();
        // Monday first, as Outlook and most clients list them
        for (int i = 1; i <= 7; i++) {
            if ((mask & 1 << i % 7) != 0) out.add(DAY_CODES[i % 7]);
        }
        return String.join(",", out);
    }

    // ---------------------------------------------------------------- descriptions

    private static final String[] ORDINAL = {"", "first", "second", "third", "fourth", "last"};

    /**
     * PidLidRecurrencePattern: what Outlook shows ("Occurs every 2 weeks on Monday and Wednesday
     * effective 2025-01-06 until 2025-03-31 from 10:00 to 11:00"), in English with ISO dates.
     */
    static String describe(RecurrencePattern p, boolean allDay) {
        StringBuilder s = new StringBuilder("Occurs ");
        int period = (int) Math.max(1, Integer.toUnsignedLong(p.period()));
        LocalDate first = RecurrencePattern.local(p.startDate()).toLocalDate();
        switch (p.patternType()) {
            case RecurrencePattern.PT_DAY -> s.append(period / 1440 <= 1 ? "every day" : "every " + period / 1440 + " days");
            case RecurrencePattern.PT_WEEK -> {
                if (p.recurFrequency() == RecurrencePattern.DAILY && (p.weekDays() & 0x7F) == RecurrencePattern.WEEKDAYS) {
                    s.append("every weekday");
                } else if (period == 1) {
                    s.append("every ").append(dayNames(p.weekDays()));
                } else {
                    s.append("every ").append(period).append(" weeks on ").append(dayNames(p.weekDays()));
                }
            }
            default -> {
                boolean yearly = p.recurFrequency() == RecurrencePattern.YEARLY && period % 12 == 0;
                String month = name(first.getMonth().toString());
                String what = switch (p.patternType()) {
                    case RecurrencePattern.PT_MONTH, RecurrencePattern.PT_HJ_MONTH -> yearly
                            ? month + " " + p.dayOfMonth() : "day " + p.dayOfMonth();
                    case RecurrencePattern.PT_MONTH_END, RecurrencePattern.PT_HJ_MONTH_END -> "the last day";
                    default -> "the " + ORDINAL[Math.max(1, Math.min(5, p.weekNumber()))] + " "
                            + ((p.weekDays() & 0x7F) == 0x7F ? "day" : (p.weekDays() & 0x7F) == RecurrencePattern.WEEKDAYS
                                    ? "weekday" : dayNames(p.weekDays()).replace(" and ", " or "));
                };
                if (yearly) {
                    int years = period / 12;
                    boolean monthDay = p.patternType() == RecurrencePattern.PT_MONTH || p.patternType() == RecurrencePattern.PT_HJ_MONTH;
                    s.append(monthDay ? (years == 1 ? "every " : "every " + years + " years on ") + what
                            : what + " of " + month + (years == 1 ? "" : " every " + years + " years"));
                } else {
                    s.append(what).append(" of every ").append(period == 1 ? "month" : period + " months");
                }
            }
        }
        s.append(" effective ").append(first);
        if (p.endType() == RecurrencePattern.END_AFTER_N || p.endType() == RecurrencePattern.END_AFTER_DATE) {
            s.append(" until ").append(RecurrencePattern.local(p.endDate()).toLocalDate());
        }
        if (!allDay) {
            LocalDateTime from = first.atStartOfDay().plusMinutes(Integer.toUnsignedLong(p.startTimeOffset()));
            LocalDateTime to = first.atStartOfDay().plusMinutes(Integer.toUnsignedLong(p.endTimeOffset()));
            s.append(String.format(" from %02d:%02d to %02d:%02d", from.getHour(), from.getMinute(), to.getHour(), to.getMinute()));
        }
        return s.toString();
    }

    private static String dayNames(int mask) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            if ((mask & 1 << i % 7) != 0) out.add(name(DayOfWeek.of(i).toString()));
        }
        if (out.size() <= 1) return String.join("", out);
        return String.join(", ", out.subList(0, out.size() - 1)) + " and " + out.get(out.size() - 1);
    }

    private static String name(String upper) {
        return upper.charAt(0) + upper.substring(1).toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- helpers

    /** An RRULE value's parts, names upper-cased, in order. */
    static Map<String, String> parts(String rrule) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rrule == null) throw new IllegalArgumentException("no RRULE");
        for (String part : rrule.split(";")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("RRULE part " + part + " has no value");
            String k = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            if (out.put(k, part.substring(eq + 1).trim().toUpperCase(Locale.ROOT)) != null) {
                throw new IllegalArgumentException("RRULE part " + k + " given twice");
            }
        }
        return out;
    }

    /** 0 = Sunday .. 6 = Saturday, -1 when not a day code. */
    static int dayCode(String code) {
        for (int i = 0; i < DAY_CODES.length; i++) {
            if (DAY_CODES[i].equalsIgnoreCase(code.trim())) return i;
        }
        return -1;
    }

    static int dow(LocalDate d) {
        return d.getDayOfWeek().getValue() % 7;
    }
}
