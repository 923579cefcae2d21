package org.zcp.ical;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The fields of MAPI's AppointmentRecurrencePattern ([MS-OXOCAL] 2.2.1.44.5: a RecurrencePattern,
 * 2.2.1.44.1, followed by the appointment part and the exceptions, 2.2.1.44.2 and 2.2.1.44.3), as
 * {@link RecurrenceBlob} reads and writes them. Dates and times are minutes since 1601-01-01 00:00
 * in the item's own time zone ("local minutes"), unsigned 32-bit values held in an int.
 *
 * @param recurFrequency {@link #DAILY}, {@link #WEEKLY}, {@link #MONTHLY} or {@link #YEARLY}
 * @param patternType {@link #PT_DAY}, {@link #PT_WEEK}, {@link #PT_MONTH}, {@link #PT_MONTH_NTH} or
 *        {@link #PT_MONTH_END} (the Hijri variants are read, not written)
 * @param period minutes for {@link #PT_DAY}, weeks for {@link #PT_WEEK}, months otherwise (12 a year)
 * @param weekDays PatternTypeSpecific of week and month-nth patterns: bit 0 Sunday .. bit 6 Saturday
 * @param dayOfMonth PatternTypeSpecific of month and month-end patterns
 * @param weekNumber the N of a month-nth pattern: 1-4, 5 the last
 * @param deleted DeletedInstanceDates: the original dates (midnight) of deleted and of modified occurrences
 * @param modified ModifiedInstanceDates: the dates (midnight) modified occurrences now start on
 * @param startDate the date (midnight) of the first occurrence
 * @param endDate the date (midnight) of the last occurrence, {@link #NO_END_DATE} for a series without end
 * @param startTimeOffset minutes from midnight to an occurrence's start
 * @param endTimeOffset minutes from midnight (of the start's day) to an occurrence's end
 */
record RecurrencePattern(int recurFrequency, int patternType, int calendarType, int firstDateTime, int period,
        int slidingFlag, int weekDays, int dayOfMonth, int weekNumber, int endType, int occurrenceCount, int firstDow,
        List<Integer> deleted, List<Integer> modified, int startDate, int endDate, int readerVersion2,
        int writerVersion2, int startTimeOffset, int endTimeOffset, List<ExceptionInfo> exceptions) {

    static final int READER_VERSION = 0x3004;
    static final int WRITER_VERSION = 0x3004;
    static final int READER_VERSION_2 = 0x3006;
    /** Outlook 2007 and later: ExtendedException carries ChangeHighlight. */
    static final int WRITER_VERSION_2 = 0x3009;

    static final int DAILY = 0x200A;
    static final int WEEKLY = 0x200B;
    static final int MONTHLY = 0x200C;
    static final int YEARLY = 0x200D;

    static final int PT_DAY = 0x0;
    static final int PT_WEEK = 0x1;
    static final int PT_MONTH = 0x2;
    static final int PT_MONTH_NTH = 0x3;
    static final int PT_MONTH_END = 0x4;
    static final int PT_HJ_MONTH = 0xA;
    static final int PT_HJ_MONTH_NTH = 0xB;
    static final int PT_HJ_MONTH_END = 0xC;

    static final int END_AFTER_DATE = 0x2021;
    static final int END_AFTER_N = 0x2022;
    static final int END_NEVER = 0x2023;
    /** Also read as "never" ([MS-OXOCAL] 2.2.1.44.1: SHOULD be 0x2023, 0xFFFFFFFF seen). */
    static final int END_NEVER_OLD = 0xFFFFFFFF;
    /** EndDate of a series without end: 4500-12-31 23:59. */
    static final int NO_END_DATE = 0x5AE980DF;
    /** OccurrenceCount Outlook writes for a series without end. */
    static final int NO_END_COUNT = 10;

    static final int ARO_SUBJECT = 0x0001;
    static final int ARO_MEETINGTYPE = 0x0002;
    static final int ARO_REMINDERDELTA = 0x0004;
    static final int ARO_REMINDER = 0x0008;
    static final int ARO_LOCATION = 0x0010;
    static final int ARO_BUSYSTATUS = 0x0020;
    static final int ARO_ATTACHMENT = 0x0040;
    static final int ARO_SUBTYPE = 0x0080;
    static final int ARO_APPTCOLOR = 0x0100;
    static final int ARO_EXCEPTIONAL_BODY = 0x0200;

    /** Mo-Fr as a week-day mask. */
    static final int WEEKDAYS = 0x3E;

    RecurrencePattern {
        deleted = List.copyOf(deleted);
        modified = List.copyOf(modified);
        exceptions = List.copyOf(exceptions);
    }

    boolean endless() {
        return endType == END_NEVER || endType == END_NEVER_OLD;
    }

    /**
     * One changed occurrence (ExceptionInfo with what its ExtendedException adds): new start and end,
     * original start (local minutes, with the time of day), the ARO_* flags and the overridden values
     * (a value whose flag is not set is meaningless). Subject and location are the wide-character
     * ones of the ExtendedException when present, else the 8-bit ones.
     */
    record ExceptionInfo(int startDateTime, int endDateTime, int originalStartDate, int overrideFlags, String subject,
            int meetingType, int reminderDelta, int reminderSet, String location, int busyStatus, int attachment,
            int subType, int appointmentColor, int changeHighlight) {

        boolean has(int flag) {
            return (overrideFlags & flag) != 0;
        }
    }

    private static final LocalDateTime EPOCH_1601 = LocalDateTime.of(1601, 1, 1, 0, 0);

    /** Local minutes of a local date-time. */
    static int minutes(LocalDateTime t) {
        return (int) ChronoUnit.MINUTES.between(EPOCH_1601, t);
    }

    static int minutes(LocalDate d) {
        return minutes(d.atStartOfDay());
    }

    /** The local date-time of local minutes (read unsigned). */
    static LocalDateTime local(int minutes) {
        return EPOCH_1601.plusMinutes(Integer.toUnsignedLong(minutes));
    }
}
