package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zcp.ical.CalendarText.When;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;

/**
 * The recurrence blob on the corpus and in the conversion: every recurring event of the corpus
 * gets a blob that reads back to its RRULE (or is reported as not expressible, with the reason);
 * a message with only the blob (what Outlook makes) renders a recurrence with the same
 * occurrences, overrides and exclusions; the kept text wins only while the blob is the one written
 * from it.
 */
class RecurrenceCorpusTest {
    /** Corpus files whose recurrence MAPI cannot express, with the reason given. */
    private static final Map<String, String> NOT_EXPRESSIBLE = Map.of(
            "rrule-exdate-rdate.ics", "RDATE has no place in MAPI's pattern");

    static Stream<String> recurring() {
        return Corpus.files("ical", ".ics").filter(f -> {
            CalendarText ct = CalendarText.parse(Corpus.read("ical", f), Corpus.SERVER_ZONE);
            return ct.items().stream().anyMatch(c -> Component.VEVENT.equals(c.getName()) && CalendarText.prop(c, Property.RRULE) != null);
        });
    }

    @Test
    void corpusShouldHoldRecurringEvents() {
        assertThat(recurring().toList()).hasSizeGreaterThanOrEqualTo(6);
    }

    @ParameterizedTest
    @MethodSource("recurring")
    void recurringEventShouldGetABlobThatReadsBackToItsRule(String file) {
        TestIds ids = new TestIds();
        String text = Corpus.read("ical", file);
        Parsed parsed = ICalItems.parse(text, ids, Corpus.SERVER_ZONE);
        Props p = new Props(parsed.message().props, ids);
        byte[] blob = p.bin(Names.APPT_RECUR);

        if (NOT_EXPRESSIBLE.containsKey(file)) {
            assertThat(parsed.recurrenceNote()).isEqualTo(NOT_EXPRESSIBLE.get(file));
            assertThat(blob).isNull();
            assertThat(p.bool(Names.RECURRING)).isTrue();
            return;
        }
        assertThat(parsed.recurrenceNote()).isNull();
        assertThat(blob).isNotNull();
        assertThat(p.str(Names.RECURRENCE_BLOB)).isEqualTo(Recurrences.fingerprint(blob));
        assertThat(p.bool(Names.IS_RECURRING)).isTrue();
        assertThat(p.num(Names.RECURRENCE_TYPE)).isBetween(1L, 4L);
        assertThat(p.str(Names.RECURRENCE_PATTERN)).startsWith("Occurs ");

        CalendarText ct = CalendarText.parse(text, Corpus.SERVER_ZONE);
        Component master = master(ct);
        When start = ct.when(CalendarText.prop(master, Property.DTSTART), Corpus.SERVER_ZONE);
        String original = CalendarText.value(master, Property.RRULE);
        String back = RecurrenceRules.toICal(RecurrenceBlob.read(blob), start.zone(), start.dateOnly()).rrule();
        assertThat(expand(back, start)).as(original + " -> " + back).isEqualTo(expand(original, start));
        assertThat(Instant.ofEpochMilli(p.num(Names.CLIP_START)))
                .isEqualTo(start.instant().atZone(start.zone()).toLocalDate().atStartOfDay(start.zone()).toInstant());
    }

    @ParameterizedTest
    @MethodSource("recurring")
    void blobOnlyMessageShouldRenderTheSameOccurrences(String file) {
        if (NOT_EXPRESSIBLE.containsKey(file)) return;
        TestIds ids = new TestIds();
        String text = Corpus.read("ical", file);
        Message full = ICalItems.parse(text, ids, Corpus.SERVER_ZONE).message();
        Message outlook = blobOnly(full, ids);

        String rendered = ICalItems.render(outlook, ids, Corpus.SERVER_ZONE);

        assertThat(occurrences(rendered)).as(rendered).isEqualTo(occurrences(text));
        // and parsed again it gives the very same blob
        Message again = ICalItems.parse(rendered, ids, Corpus.SERVER_ZONE).message();
        assertThat(new Props(again.props, ids).bin(Names.APPT_RECUR)).isEqualTo(new Props(full.props, ids).bin(Names.APPT_RECUR));
    }

    @Test
    void blobOnlyMessageShouldOverlapWhereItsOccurrencesAre() {
        TestIds ids = new TestIds();
        Message outlook = blobOnly(ICalItems.parse(Corpus.read("ical", "rrule-overrides.ics"), ids, Corpus.SERVER_ZONE).message(), ids);

        // 2025-01-13 14:00 Berlin was moved to Tuesday 16:00; 2025-01-20 is a plain occurrence
        assertThat(ICalItems.overlaps(outlook, ids, Instant.parse("2025-01-13T13:00:00Z"), Instant.parse("2025-01-13T14:00:00Z"),
                Corpus.SERVER_ZONE)).isFalse();
        assertThat(ICalItems.overlaps(outlook, ids, Instant.parse("2025-01-14T15:00:00Z"), Instant.parse("2025-01-14T15:30:00Z"),
                Corpus.SERVER_ZONE)).isTrue();
        assertThat(ICalItems.overlaps(outlook, ids, Instant.parse("2025-01-20T13:30:00Z"), Instant.parse("2025-01-20T13:31:00Z"),
                Corpus.SERVER_ZONE)).isTrue();
        // the eighth and last Monday is 2025-02-24
        assertThat(ICalItems.overlaps(outlook, ids, Instant.parse("2025-03-03T13:30:00Z"), Instant.parse("2025-03-03T13:31:00Z"),
                Corpus.SERVER_ZONE)).isFalse();
    }

    @Test
    void keptTextShouldWinWhileTheBlobIsTheOneWrittenFromIt() {
        TestIds ids = new TestIds();
        String text = Corpus.read("ical", "rrule-overrides.ics");
        Message m = ICalItems.parse(text, ids, Corpus.SERVER_ZONE).message();
        String kept = ICalItems.render(m, ids, Corpus.SERVER_ZONE);
        // the kept override components come back whole, the attendee of the first one with them
        assertThat(kept.split("\r\nATTENDEE", -1)).hasSize(3);
        assertThat(kept).doesNotContain("EXDATE");

        // Outlook deletes the 2025-02-03 occurrence: the blob changes, its fingerprint no longer matches
        Props p = new Props(m.props, ids);
        RecurrencePattern was = RecurrenceBlob.read(p.bin(Names.APPT_RECUR));
        List<Integer> deleted = new ArrayList<>(was.deleted());
        deleted.add(RecurrencePattern.minutes(java.time.LocalDate.of(2025, 2, 3)));
        RecurrencePattern now = new RecurrencePattern(was.recurFrequency(), was.patternType(), was.calendarType(),
                was.firstDateTime(), was.period(), was.slidingFlag(), was.weekDays(), was.dayOfMonth(), was.weekNumber(),
                was.endType(), was.occurrenceCount(), was.firstDow(), deleted, was.modified(), was.startDate(), was.endDate(),
                was.readerVersion2(), was.writerVersion2(), was.startTimeOffset(), was.endTimeOffset(), was.exceptions());
        p.bin(Names.APPT_RECUR, RecurrenceBlob.write(now));

        String changed = ICalItems.render(m, ids, Corpus.SERVER_ZONE);
        assertThat(changed).contains("EXDATE;TZID=Europe/Berlin:20250203T140000");
        // the overrides now come from the blob and the exception attachments: the moved one keeps its
        // attendee (its attachment's), the short one had none of its own (its attachment says so)
        assertThat(changed.split("\r\nATTENDEE", -1)).hasSize(3);
        assertThat(occurrences(changed)).doesNotContainKey(Instant.parse("2025-02-03T13:00:00Z"))
                .containsKey(Instant.parse("2025-01-14T15:00:00Z"));
    }

    /** The message as Outlook would have made it: the blob without the kept iCalendar text. */
    private static Message blobOnly(Message full, TestIds ids) {
        Message m = new Message();
        m.recipients = full.recipients;
        m.attachments = full.attachments;
        int text = ids.tag(Names.RECURRENCE);
        int hash = ids.tag(Names.RECURRENCE_BLOB);
        int extra = ids.tag(Names.EXTRA);
        for (PropValue v : full.props) {
            if (v.tag != text && v.tag != hash && v.tag != extra) m.props.add(v);
        }
        return m;
    }

    private static Component master(CalendarText ct) {
        for (Component c : ct.items()) {
            if (CalendarText.prop(c, Property.RECURRENCE_ID) == null) return c;
        }
        throw new AssertionError("no master");
    }

    /** The first 200 occurrences of a rule from a start, as instants. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Instant> expand(String rule, When start) {
        Temporal seed = start.dateOnly() ? start.instant().atZone(start.zone()).toLocalDate() : start.instant().atZone(start.zone());
        Temporal end = start.dateOnly() ? java.time.LocalDate.of(2200, 1, 1) : java.time.LocalDate.of(2200, 1, 1).atStartOfDay(start.zone());
        List<Instant> out = new ArrayList<>();
        for (Object t : new Recur<>(rule).getDates(seed, seed, end, 200)) {
            out.add(t instanceof java.time.LocalDate d ? d.atStartOfDay(start.zone()).toInstant() : Instant.from((Temporal) t));
        }
        return out;
    }

    /**
     * What a calendar's recurring event occupies: each occurrence's start (EXDATEs removed, overrides
     * moved) with its end and summary, the first 200 of the rule.
     */
    static Map<Instant, String> occurrences(String text) {
        CalendarText ct = CalendarText.parse(text, Corpus.SERVER_ZONE);
        Component master = master(ct);
        When start = ct.when(CalendarText.prop(master, Property.DTSTART), Corpus.SERVER_ZONE);
        Property dtend = CalendarText.prop(master, Property.DTEND);
        java.time.Duration length = java.time.Duration.between(start.instant(),
                dtend != null ? ct.when(dtend, start.zone()).instant() : ItemReader.plus(start, CalendarText.value(master, Property.DURATION)));
        Map<Instant, String> out = new TreeMap<>();
        for (Instant i : expand(CalendarText.value(master, Property.RRULE), start)) {
            out.put(i, i.plus(length) + " " + CalendarText.value(master, Property.SUMMARY));
        }
        for (Property ex : master.getPropertyList().getProperties(Property.EXDATE)) {
            for (Instant i : Recurrences.dates(ct, ex, start.zone())) out.remove(i);
        }
        for (Component c : ct.items()) {
            Property rid = CalendarText.prop(c, Property.RECURRENCE_ID);
            if (rid == null) continue;
            out.remove(ct.when(rid, start.zone()).instant());
            Instant s = ct.when(CalendarText.prop(c, Property.DTSTART), start.zone()).instant();
            Instant e = ct.when(CalendarText.prop(c, Property.DTEND), start.zone()).instant();
            String where = CalendarText.value(c, Property.LOCATION);
            out.put(s, e + " " + CalendarText.value(c, Property.SUMMARY) + (where == null ? "" : " @ " + where));
        }
        return out;
    }

    static ZoneId zone() {
        return Corpus.SERVER_ZONE;
    }
}
