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
}
