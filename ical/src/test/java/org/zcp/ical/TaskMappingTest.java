package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.PropTag;

/** Tasks as IPM.Task with PSETID_Task (MS-OXOTASK). */
class TaskMappingTest {
    private final TestIds ids = new TestIds();

    private Props parse(String file) {
        Parsed p = ICalItems.parse(Corpus.read("ical", file), ids, Corpus.SERVER_ZONE);
        assertThat(p.kind()).isEqualTo(ItemKind.TASK);
        return new Props(p.message().props, ids);
    }

    @Test
    void taskInProgressShouldMapStatusPercentPriorityAndDates() {
        Props p = parse("task-thunderbird.ics");

        assertThat(p.str(PropTag.PR_MESSAGE_CLASS)).isEqualTo("IPM.Task");
        assertThat(p.num(Names.TASK_STATUS)).isEqualTo(1L);
        assertThat(p.dbl(Names.PERCENT_COMPLETE)).isEqualTo(0.4);
        assertThat(p.num(PropTag.PR_IMPORTANCE)).isEqualTo(2L);
        assertThat(p.num(Names.TASK_START_DATE)).isEqualTo(Instant.parse("2025-03-10T08:00:00Z").toEpochMilli());
        assertThat(p.num(Names.TASK_DUE_DATE)).isEqualTo(Instant.parse("2025-03-31T15:00:00Z").toEpochMilli());
        assertThat(p.bool(Names.TASK_COMPLETE)).isFalse();
        assertThat(p.bool(Names.REMINDER_SET)).isTrue();
        assertThat(p.num(Names.REMINDER_SIGNAL_TIME)).isEqualTo(Instant.parse("2025-03-30T08:00:00Z").toEpochMilli());
        assertThat(p.strs(Names.KEYWORDS)).containsExactly("Finance");
    }

    @Test
    void completedTaskWithDateDueShouldComeBackAsDate() {
        Props p = parse("task-apple-completed.ics");
        String text = ICalItems.render(ICalItems.parse(Corpus.read("ical", "task-apple-completed.ics"), ids,
                Corpus.SERVER_ZONE).message(), ids, Corpus.SERVER_ZONE);

        assertThat(p.num(Names.TASK_STATUS)).isEqualTo(2L);
        assertThat(p.bool(Names.TASK_COMPLETE)).isTrue();
        assertThat(p.num(Names.TASK_DATE_COMPLETED)).isEqualTo(Instant.parse("2025-04-12T14:30:00Z").toEpochMilli());
        assertThat(p.num(Names.TASK_DUE_DATE)).isEqualTo(Instant.parse("2025-04-14T22:00:00Z").toEpochMilli());
        assertThat(text).contains("BEGIN:VTODO", "DUE;VALUE=DATE:20250415", "STATUS:COMPLETED", "PERCENT-COMPLETE:100",
                "X-APPLE-SORT-ORDER:737612345").doesNotContain("X-ZCP-");
    }

    @Test
    void taskWithoutDatesShouldStillConvert() {
        Props p = parse("task-google-simple.ics");

        assertThat(p.get(Names.TASK_DUE_DATE)).isNull();
        assertThat(p.num(PropTag.PR_SENSITIVITY)).isEqualTo(2L);
        assertThat(p.num(Names.TASK_STATUS)).isEqualTo(0L);
    }

    private static String task(String body) {
        return ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:t\nBEGIN:VTODO\nUID:rt-1\nDTSTAMP:20250101T000000Z\n"
                + "SUMMARY:Expenses\n" + body + "END:VTODO\nEND:VCALENDAR\n").replace("\n", "\r\n");
    }

    @Test
    void aRecurringTaskShouldGetOutlooksTaskRecurrence() {
        Parsed parsed = ICalItems.parse(task("DTSTART;VALUE=DATE:20250106\nDUE;VALUE=DATE:20250107\n"
                + "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10\nEXDATE;VALUE=DATE:20250113\n"), ids, Corpus.SERVER_ZONE);
        Props p = new Props(parsed.message().props, ids);

        assertThat(parsed.recurrenceNote()).isNull();
        assertThat(p.bool(Names.TASK_F_RECURRING)).isTrue();
        RecurrencePattern pattern = RecurrenceBlob.read(p.bin(Names.TASK_RECURRENCE));
        assertThat(pattern.recurFrequency()).isEqualTo(RecurrencePattern.WEEKLY);
        assertThat(pattern.weekDays()).isEqualTo(0x02);
        assertThat(pattern.endType()).isEqualTo(RecurrencePattern.END_AFTER_N);
        assertThat(pattern.occurrenceCount()).isEqualTo(10);
        assertThat(pattern.deleted()).hasSize(1);
        // the pattern alone: no appointment part after EndDate
        assertThat(RecurrenceBlob.writePattern(pattern)).isEqualTo(p.bin(Names.TASK_RECURRENCE));
        assertThat(ICalItems.render(parsed.message(), ids, Corpus.SERVER_ZONE))
                .contains("RRULE:FREQ=WEEKLY;", "BYDAY=MO", "COUNT=10", "EXDATE;VALUE=DATE:20250113");
    }

    @Test
    void aTaskRecurrenceOutlookWroteShouldComeBackAsRrule() {
        Parsed parsed = ICalItems.parse(task("DTSTART;VALUE=DATE:20250106\nDUE;VALUE=DATE:20250107\n"
                + "RRULE:FREQ=MONTHLY;BYMONTHDAY=6;UNTIL=20251206\n"), ids, Corpus.SERVER_ZONE);
        // as Outlook leaves it: the blob, no iCalendar text
        parsed.message().props.removeIf(v -> v.tag == Names.RECURRENCE.tag(ids) || v.tag == Names.RECURRENCE_BLOB.tag(ids));

        String text = ICalItems.render(parsed.message(), ids, Corpus.SERVER_ZONE);

        assertThat(text).contains("RRULE:FREQ=MONTHLY;", "BYMONTHDAY=6").contains("UNTIL=2025120");
        assertThat(ICalItems.isRecurring(parsed.message(), ids)).isTrue();
    }

    @Test
    void aTaskRuleMapiCannotHoldShouldKeepItsTextOnly() {
        Parsed parsed = ICalItems.parse(task("DTSTART;VALUE=DATE:20250106\nRRULE:FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1\n"),
                ids, Corpus.SERVER_ZONE);

        assertThat(parsed.recurrenceNote()).isNotNull();
        assertThat(new Props(parsed.message().props, ids).bin(Names.TASK_RECURRENCE)).isNull();
        assertThat(ICalItems.render(parsed.message(), ids, Corpus.SERVER_ZONE)).contains("BYSETPOS=-1");
    }
}
