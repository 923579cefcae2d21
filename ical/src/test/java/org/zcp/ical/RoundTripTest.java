package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every calendar file of the corpus survives parse, render, parse: the same MAPI message, and a
 * rendered text that says what the original said.
 */
class RoundTripTest {
    static Stream<String> calendars() {
        return Corpus.files("ical", ".ics");
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void parseRenderParseShouldGiveTheSameMessage(String file) {
        TestIds ids = new TestIds();
        String original = Corpus.read("ical", file);
        Parsed first = ICalItems.parse(original, ids, Corpus.SERVER_ZONE);
        String rendered = ICalItems.render(first.message(), ids, Corpus.SERVER_ZONE);
        Parsed second = ICalItems.parse(rendered, ids, Corpus.SERVER_ZONE);

        assertThat(second.uid()).isEqualTo(first.uid());
        assertThat(second.kind()).isEqualTo(first.kind());
        assertThat(Corpus.view(second.message())).as(rendered).isEqualTo(Corpus.view(first.message()));
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void renderedTextShouldSayWhatTheOriginalSaid(String file) {
        TestIds ids = new TestIds();
        String original = Corpus.read("ical", file);
        String rendered = ICalItems.render(ICalItems.parse(original, ids, Corpus.SERVER_ZONE).message(), ids,
                Corpus.SERVER_ZONE);

        assertThat(rendered).doesNotContain("\n\n").contains("\r\n");
        for (String line : rendered.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(summary(rendered)).as(rendered).isEqualTo(summary(original));
    }

    /** What a client sees of a calendar: per component, the facts the round trip must keep. */
    static List<String> summary(String text) {
        CalendarText ct = CalendarText.parse(text, Corpus.SERVER_ZONE);
        List<String> out = new ArrayList<>();
        for (Component c : ct.items()) {
            List<String> facts = new ArrayList<>();
            facts.add(c.getName());
            facts.add("UID=" + CalendarText.value(c, Property.UID));
            for (String name : List.of(Property.DTSTART, Property.DUE, Property.RECURRENCE_ID)) {
                Property p = CalendarText.prop(c, name);
                if (p != null) facts.add(name + "=" + ct.when(p, Corpus.SERVER_ZONE).instant());
            }
            if (Component.VEVENT.equals(c.getName())) facts.add("END=" + end(ct, c));
            facts.add("SUMMARY=" + CalendarText.value(c, Property.SUMMARY));
            String cls = CalendarText.value(c, Property.CLASS);
            facts.add("CLASS=" + (cls == null ? "PUBLIC" : cls));
            Set<String> cats = new TreeSet<>();
            for (Property p : c.getPropertyList().getProperties(Property.CATEGORIES)) {
                cats.addAll(ItemProps.splitList(p.getValue()));
            }
            facts.add("CATEGORIES=" + cats);
            Set<String> attendees = new TreeSet<>();
            for (Property a : c.getPropertyList().getProperties(Property.ATTENDEE)) {
                String ps = CalendarText.param(a, Parameter.PARTSTAT);
                attendees.add(a.getValue().toLowerCase(Locale.ROOT) + "/" + (ps == null ? "NEEDS-ACTION" : ps));
            }
            facts.add("ATTENDEES=" + attendees);
            Set<String> rules = new TreeSet<>();
            for (Property p : c.<Property>getProperties(Property.RRULE, Property.RDATE, Property.EXDATE)) {
                rules.add(p.getName() + ":" + p.getValue());
            }
            facts.add("RECURRENCE=" + rules);
            for (Component a : CalendarText.subcomponents(c)) {
                facts.add("ALARM=" + Alarms.fires(Lines.split(a.toString()), start(ct, c), end(ct, c)));
            }
            out.add(String.join(" | ", facts));
        }
        return out;
    }

    private static java.time.Instant start(CalendarText ct, Component c) {
        Property p = CalendarText.prop(c, Property.DTSTART);
        return p == null ? null : ct.when(p, Corpus.SERVER_ZONE).instant();
    }

    private static java.time.Instant end(CalendarText ct, Component c) {
        Property s = CalendarText.prop(c, Property.DTSTART);
        Property e = CalendarText.prop(c, Component.VTODO.equals(c.getName()) ? Property.DUE : Property.DTEND);
        if (e != null) return ct.when(e, Corpus.SERVER_ZONE).instant();
        if (s == null) return null;
        return ItemReader.plus(ct.when(s, Corpus.SERVER_ZONE), CalendarText.value(c, Property.DURATION));
    }
}
