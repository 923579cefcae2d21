package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;

/** Changed occurrences as MAPI keeps them: exception attachments with embedded messages ([MS-OXOCAL] 2.2.10.1). */
class ExceptionsTest {
    private final TestIds ids = new TestIds();

    private Message series() {
        return ICalItems.parse(Corpus.read("ical", "rrule-overrides.ics"), ids, Corpus.SERVER_ZONE).message();
    }

    @Test
    void eachOverrideShouldBeAHiddenExceptionAttachmentHoldingTheOccurrence() {
        Message m = series();
        assertThat(m.attachments).hasSize(2);
        Attachment moved = m.attachments.get(0);
        Props ap = new Props(moved.props, ids);
        assertThat(ap.num(PropTag.PR_ATTACH_METHOD)).isEqualTo(5L);
        assertThat(ap.get(Tags.PR_ATTACHMENT_HIDDEN).b).isTrue();
        assertThat(ap.num(Tags.PR_ATTACHMENT_FLAGS)).isEqualTo((long) Tags.AF_EXCEPTION);
        // 2025-01-13 14:00 Berlin, in UTC; the new start in Berlin wall time written as UTC
        assertThat(ap.num(Tags.PR_EXCEPTION_REPLACETIME)).isEqualTo(Instant.parse("2025-01-13T13:00:00Z").toEpochMilli());
        assertThat(ap.num(Tags.PR_EXCEPTION_STARTTIME)).isEqualTo(Instant.parse("2025-01-14T16:00:00Z").toEpochMilli());
        assertThat(ap.num(Tags.PR_EXCEPTION_ENDTIME)).isEqualTo(Instant.parse("2025-01-14T17:00:00Z").toEpochMilli());

        Props ep = new Props(moved.embedded.props, ids);
        assertThat(ep.str(PropTag.PR_MESSAGE_CLASS)).isEqualTo(Exceptions.MESSAGE_CLASS);
        assertThat(ep.str(PropTag.PR_SUBJECT)).isEqualTo("1:1 with Bob (moved to Tuesday)");
        assertThat(ep.num(Names.APPT_START_WHOLE)).isEqualTo(Instant.parse("2025-01-14T15:00:00Z").toEpochMilli());
        assertThat(ep.num(Names.EXCEPTION_REPLACE_TIME)).isEqualTo(Instant.parse("2025-01-13T13:00:00Z").toEpochMilli());
        assertThat(ep.bool(Names.F_EXCEPTIONAL_ATTENDEES)).isFalse();
        assertThat(moved.embedded.recipients).hasSize(1);

        Props shortOne = new Props(m.attachments.get(1).embedded.props, ids);
        assertThat(shortOne.str(Names.LOCATION)).isEqualTo("Phone");
        assertThat(shortOne.bool(Names.F_EXCEPTIONAL_ATTENDEES)).isTrue();
        assertThat(m.attachments.get(1).embedded.recipients).isEmpty();
    }

    @Test
    void aSeriesWithoutOverridesOrWithoutABlobShouldHaveNoExceptionAttachments() {
        String plain = Corpus.read("ical", "rrule-overrides.ics").replaceAll("(?s)END:VEVENT\r?\nBEGIN:VEVENT.*END:VEVENT",
                "END:VEVENT");
        assertThat(ICalItems.parse(plain, ids, Corpus.SERVER_ZONE).message().attachments).isEmpty();
        // RDATE has no place in MAPI's pattern: no blob, so no exceptions either (the kept text has them)
        String rdate = Corpus.read("ical", "rrule-overrides.ics").replace("RRULE:FREQ=WEEKLY;COUNT=8",
                "RRULE:FREQ=WEEKLY;COUNT=8\r\nRDATE;TZID=Europe/Berlin:20250301T100000");
        assertThat(ICalItems.parse(rdate, ids, Corpus.SERVER_ZONE).message().attachments).isEmpty();
    }

    @Test
    void aSeriesOutlookChangedShouldTakeTheExceptionsBodyAndAttendeesFromItsAttachment() {
        Message full = series();
        // as Outlook would keep it: no kept iCalendar text, the body of one occurrence its own
        Message m = new Message();
        m.recipients = full.recipients;
        m.attachments = full.attachments;
        List<Integer> ours = List.of(ids.tag(Names.RECURRENCE), ids.tag(Names.RECURRENCE_BLOB), ids.tag(Names.EXTRA));
        for (PropValue v : full.props) if (!ours.contains(v.tag)) m.props.add(v);
        Props ep = new Props(m.attachments.get(0).embedded.props, ids);
        ep.str(PropTag.PR_BODY, "Bring the plans");
        ep.bool(Names.F_EXCEPTIONAL_BODY, true);

        String text = ICalItems.render(m, ids, Corpus.SERVER_ZONE).replace("\r\n ", "");
        String moved = text.substring(text.indexOf("RECURRENCE-ID;TZID=Europe/Berlin:20250113T140000"));
        moved = moved.substring(0, moved.indexOf("END:VEVENT"));
        assertThat(moved).contains("DESCRIPTION:Bring the plans").contains("mailto:bob@example.com")
                .contains("ORGANIZER");
        String shortOne = text.substring(text.indexOf("RECURRENCE-ID;TZID=Europe/Berlin:20250127T140000"));
        shortOne = shortOne.substring(0, shortOne.indexOf("END:VEVENT"));
        assertThat(shortOne).contains("LOCATION:Phone").doesNotContain("ATTENDEE").doesNotContain("DESCRIPTION");
    }
}
