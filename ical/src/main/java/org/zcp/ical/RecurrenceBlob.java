package org.zcp.ical;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.zcp.ical.RecurrencePattern.ExceptionInfo;

/**
 * PidLidAppointmentRecur's bytes ([MS-OXOCAL] 2.2.1.44.5 AppointmentRecurrencePattern) to and
 * from a {@link RecurrencePattern}, little-endian throughout.
 *
 * <p>Written as Outlook 2007 and later write it: ReaderVersion/WriterVersion 0x3004,
 * ReaderVersion2 0x3006, WriterVersion2 0x3009 (so each ExtendedException starts with a
 * ChangeHighlight of size 4, value 0), all reserved blocks empty, an ExtendedException for every
 * ExceptionInfo, the 8-bit subject and location in windows-1252 (Outlook writes the client's code
 * page; characters outside it become '?', the wide-character copy keeps them).
 *
 * <p>Read tolerantly, as the original's RecurrenceState does: a WriterVersion2 below 0x3009 has no
 * ChangeHighlight; a blob that ends after the exceptions (Outlook 2003 writing 0x3006 when nothing
 * needed the extended part) or whose extended part is cut short keeps the 8-bit strings; bytes left
 * over are ignored. What cannot be read up to the exceptions is refused.
 */
final class RecurrenceBlob {
    private RecurrenceBlob() {
    }

    static final Charset ANSI = Charset.forName("windows-1252");
    /** Outlook's subject and location are at most 255 characters; the length fields are 16 bits. */
    private static final int MAX_STRING = 0x7FFE;

    /**
     * The RecurrencePattern alone ([MS-OXOCAL] 2.2.1.44.1): a task's PidLidTaskRecurrence
     * ([MS-OXOTASK] 2.2.2.2.15), which has no appointment part.
     */
    static byte[] writePattern(RecurrencePattern p) {
        Out o = new Out();
        pattern(o, p);
        return o.bytes();
    }

    static byte[] write(RecurrencePattern p) {
        Out o = new Out();
        pattern(o, p);
        appointment(o, p);
        return o.bytes();
    }

    private static void pattern(Out o, RecurrencePattern p) {
        o.u16(RecurrencePattern.READER_VERSION).u16(RecurrencePattern.WRITER_VERSION);
        o.u16(p.recurFrequency()).u16(p.patternType()).u16(p.calendarType());
        o.u32(p.firstDateTime()).u32(p.period()).u32(p.slidingFlag());
        switch (p.patternType()) {
            case RecurrencePattern.PT_DAY -> { }
            case RecurrencePattern.PT_WEEK -> o.u32(p.weekDays());
            case RecurrencePattern.PT_MONTH, RecurrencePattern.PT_MONTH_END, RecurrencePattern.PT_HJ_MONTH,
                    RecurrencePattern.PT_HJ_MONTH_END -> o.u32(p.dayOfMonth());
            case RecurrencePattern.PT_MONTH_NTH, RecurrencePattern.PT_HJ_MONTH_NTH -> o.u32(p.weekDays()).u32(p.weekNumber());
            default -> throw new IllegalArgumentException("unknown PatternType " + p.patternType());
        }
        o.u32(p.endType()).u32(p.occurrenceCount()).u32(p.firstDow());
        List<Integer> deleted = sortedUnsigned(p.deleted());
        o.u32(deleted.size());
        for (int d : deleted) o.u32(d);
        List<Integer> modified = sortedUnsigned(p.modified());
        o.u32(modified.size());
        for (int d : modified) o.u32(d);
        o.u32(p.startDate()).u32(p.endDate());
    }

    private static void appointment(Out o, RecurrencePattern p) {
        o.u32(p.readerVersion2()).u32(p.writerVersion2());
        o.u32(p.startTimeOffset()).u32(p.endTimeOffset());
        o.u16(p.exceptions().size());
        for (ExceptionInfo e : p.exceptions()) {
            o.u32(e.startDateTime()).u32(e.endDateTime()).u32(e.originalStartDate()).u16(e.overrideFlags());
            if (e.has(RecurrencePattern.ARO_SUBJECT)) o.ansi(e.subject());
            if (e.has(RecurrencePattern.ARO_MEETINGTYPE)) o.u32(e.meetingType());
            if (e.has(RecurrencePattern.ARO_REMINDERDELTA)) o.u32(e.reminderDelta());
            if (e.has(RecurrencePattern.ARO_REMINDER)) o.u32(e.reminderSet());
            if (e.has(RecurrencePattern.ARO_LOCATION)) o.ansi(e.location());
            if (e.has(RecurrencePattern.ARO_BUSYSTATUS)) o.u32(e.busyStatus());
            if (e.has(RecurrencePattern.ARO_ATTACHMENT)) o.u32(e.attachment());
            if (e.has(RecurrencePattern.ARO_SUBTYPE)) o.u32(e.subType());
            if (e.has(RecurrencePattern.ARO_APPTCOLOR)) o.u32(e.appointmentColor());
        }
        o.u32(0); // ReservedBlock1Size
        for (ExceptionInfo e : p.exceptions()) {
            if (p.writerVersion2() >= RecurrencePattern.WRITER_VERSION_2) o.u32(4).u32(e.changeHighlight());
            o.u32(0); // ReservedBlockEE1Size
            boolean text = e.has(RecurrencePattern.ARO_SUBJECT) || e.has(RecurrencePattern.ARO_LOCATION);
            if (text) {
                o.u32(e.startDateTime()).u32(e.endDateTime()).u32(e.originalStartDate());
                if (e.has(RecurrencePattern.ARO_SUBJECT)) o.wide(e.subject());
                if (e.has(RecurrencePattern.ARO_LOCATION)) o.wide(e.location());
                o.u32(0); // ReservedBlockEE2Size
            }
        }
        o.u32(0); // ReservedBlock2Size
    }

    /** The pattern of a blob; IllegalArgumentException when it is not one. */
    static RecurrencePattern read(byte[] blob) {
        if (blob == null) throw new IllegalArgumentException("no recurrence blob");
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int reader = u16(b);
            u16(b); // WriterVersion
            if (reader != RecurrencePattern.READER_VERSION) {
                throw new IllegalArgumentException(String.format("recurrence blob: ReaderVersion 0x%04X", reader));
            }
            int frequency = u16(b);
            int patternType = u16(b);
            int calendarType = u16(b);
            int firstDateTime = b.getInt();
            int period = b.getInt();
            int sliding = b.getInt();
            int weekDays = 0;
            int dayOfMonth = 0;
            int weekNumber = 0;
            switch (patternType) {
                case RecurrencePattern.PT_DAY -> { }
                case RecurrencePattern.PT_WEEK -> weekDays = b.getInt();
                case RecurrencePattern.PT_MONTH, RecurrencePattern.PT_MONTH_END, RecurrencePattern.PT_HJ_MONTH,
                        RecurrencePattern.PT_HJ_MONTH_END -> dayOfMonth = b.getInt();
                case RecurrencePattern.PT_MONTH_NTH, RecurrencePattern.PT_HJ_MONTH_NTH -> {
                    weekDays = b.getInt();
                    weekNumber = b.getInt();
                }
                default -> throw new IllegalArgumentException("recurrence blob: PatternType " + patternType);
            }
            int endType = b.getInt();
            int count = b.getInt();
            int firstDow = b.getInt();
            List<Integer> deleted = ints(b);
            List<Integer> modified = ints(b);
            int startDate = b.getInt();
            int endDate = b.getInt();
            if (!b.hasRemaining()) {
                // a RecurrencePattern alone: a task's ([MS-OXOTASK] 2.2.2.2.15)
                return new RecurrencePattern(frequency, patternType, calendarType, firstDateTime, period, sliding,
                        weekDays, dayOfMonth, weekNumber, endType, count, firstDow, deleted, modified, startDate, endDate,
                        0, 0, 0, 0, List.of());
            }
            int reader2 = b.getInt();
            int writer2 = b.getInt();
            int startOffset = b.getInt();
            int endOffset = b.getInt();
            int exceptionCount = u16(b);
            List<ExceptionInfo> exceptions = new ArrayList<>();
            for (int i = 0; i < exceptionCount; i++) exceptions.add(exceptionInfo(b));
            extended(b, writer2, exceptions);
            return new RecurrencePattern(frequency, patternType, calendarType, firstDateTime, period, sliding, weekDays,
                    dayOfMonth, weekNumber, endType, count, firstDow, deleted, modified, startDate, endDate, reader2,
                    writer2, startOffset, endOffset, exceptions);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("recurrence blob: cut short at byte " + b.position());
        }
    }

    private static ExceptionInfo exceptionInfo(ByteBuffer b) {
        int start = b.getInt();
        int end = b.getInt();
        int original = b.getInt();
        int flags = u16(b);
        String subject = flag(flags, RecurrencePattern.ARO_SUBJECT) ? ansi(b) : null;
        int meetingType = flag(flags, RecurrencePattern.ARO_MEETINGTYPE) ? b.getInt() : 0;
        int reminderDelta = flag(flags, RecurrencePattern.ARO_REMINDERDELTA) ? b.getInt() : 0;
        int reminderSet = flag(flags, RecurrencePattern.ARO_REMINDER) ? b.getInt() : 0;
        String location = flag(flags, RecurrencePattern.ARO_LOCATION) ? ansi(b) : null;
        int busy = flag(flags, RecurrencePattern.ARO_BUSYSTATUS) ? b.getInt() : 0;
        int attachment = flag(flags, RecurrencePattern.ARO_ATTACHMENT) ? b.getInt() : 0;
        int subType = flag(flags, RecurrencePattern.ARO_SUBTYPE) ? b.getInt() : 0;
        int color = flag(flags, RecurrencePattern.ARO_APPTCOLOR) ? b.getInt() : 0;
        return new ExceptionInfo(start, end, original, flags, subject, meetingType, reminderDelta, reminderSet, location,
                busy, attachment, subType, color, 0);
    }

    /**
     * ReservedBlock1, the ExtendedExceptions (their wide-character subject and location replace the
     * 8-bit ones) and ReservedBlock2, as far as the blob holds them.
     */
    private static void extended(ByteBuffer b, int writer2, List<ExceptionInfo> exceptions) {
        if (b.remaining() < 4) return;
        List<ExceptionInfo> out = new ArrayList<>(exceptions);
        try {
            skip(b, b.getInt());
            for (int i = 0; i < out.size(); i++) {
                ExceptionInfo e = out.get(i);
                int highlight = 0;
                if (writer2 >= RecurrencePattern.WRITER_VERSION_2) {
                    int size = b.getInt();
                    if (size >= 4) {
                        highlight = b.getInt();
                        skip(b, size - 4);
                    } else {
                        skip(b, size);
                    }
                }
                skip(b, b.getInt()); // ReservedBlockEE1
                String subject = e.subject();
                String location = e.location();
                if (e.has(RecurrencePattern.ARO_SUBJECT) || e.has(RecurrencePattern.ARO_LOCATION)) {
                    b.getInt();
                    b.getInt();
                    b.getInt();
                    if (e.has(RecurrencePattern.ARO_SUBJECT)) subject = wide(b);
                    if (e.has(RecurrencePattern.ARO_LOCATION)) location = wide(b);
                    skip(b, b.getInt()); // ReservedBlockEE2
                }
                out.set(i, new ExceptionInfo(e.startDateTime(), e.endDateTime(), e.originalStartDate(), e.overrideFlags(),
                        subject, e.meetingType(), e.reminderDelta(), e.reminderSet(), location, e.busyStatus(),
                        e.attachment(), e.subType(), e.appointmentColor(), highlight));
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            // the extended part is incomplete: what was read of it stands, the rest keeps the 8-bit values
        }
        exceptions.clear();
        exceptions.addAll(out);
    }

    private static boolean flag(int flags, int f) {
        return (flags & f) != 0;
    }

    private static int u16(ByteBuffer b) {
        return Short.toUnsignedInt(b.getShort());
    }

    private static List<Integer> ints(ByteBuffer b) {
        long n = Integer.toUnsignedLong(b.getInt());
        if (n > b.remaining() / 4) throw new IllegalArgumentException("recurrence blob: " + n + " dates in a short blob");
        List<Integer> out = new ArrayList<>();
        for (long i = 0; i < n; i++) out.add(b.getInt());
        return out;
    }

    private static void skip(ByteBuffer b, int n) {
        if (n < 0 || n > b.remaining()) throw new BufferUnderflowException();
        b.position(b.position() + n);
    }

    private static String ansi(ByteBuffer b) {
        u16(b); // SubjectLength / LocationLength: the next length + 1
        int n = u16(b);
        if (n > b.remaining()) throw new BufferUnderflowException();
        byte[] s = new byte[n];
        b.get(s);
        return new String(s, ANSI);
    }

    private static String wide(ByteBuffer b) {
        int n = u16(b);
        if (n * 2 > b.remaining()) throw new BufferUnderflowException();
        byte[] s = new byte[n * 2];
        b.get(s);
        return new String(s, StandardCharsets.UTF_16LE);
    }

    private static List<Integer> sortedUnsigned(List<Integer> in) {
        List<Integer> out = new ArrayList<>(in);
        out.sort(Integer::compareUnsigned);
        return Collections.unmodifiableList(out);
    }

    /** A little-endian byte writer. */
    private static final class Out {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Out u16(int v) {
            out.write(v & 0xFF);
            out.write(v >>> 8 & 0xFF);
            return this;
        }

        Out u32(int v) {
            for (int i = 0; i < 4; i++) out.write(v >>> 8 * i & 0xFF);
            return this;
        }

        Out ansi(String s) {
            String v = s == null ? "" : s;
            byte[] bytes = v.getBytes(ANSI);
            if (bytes.length > MAX_STRING) bytes = java.util.Arrays.copyOf(bytes, MAX_STRING);
            u16(bytes.length + 1).u16(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        Out wide(String s) {
            String v = s == null ? "" : s;
            if (v.length() > MAX_STRING) v = v.substring(0, MAX_STRING);
            u16(v.length());
            out.writeBytes(v.getBytes(StandardCharsets.UTF_16LE));
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
