package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.ical.EventData.Person;
import org.zcp.ical.EventData.Recurrence;
import org.zcp.ical.ImplicitScheduling.Outgoing;
import org.zcp.ical.Itip.PartStat;

class CalendarEventsTest {
    private static final ZoneId SERVER = ZoneId.of("Europe/Amsterdam");
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant NINE = Instant.parse("2026-12-07T08:00:00Z"); // 09:00 Amsterdam, a Monday

    private static EventData event(String summary, Instant start, Instant end, Recurrence r, List<Person> attendees) {
        return new EventData("uid-1@zcp.test", summary, "Room 1", "Agenda\nline two", start, end, false,
                "Europe/Amsterdam", "BUSY", 15, false, r, List.of(), List.of(),
                attendees.isEmpty() ? null : Person.of("alice@zcp.test", "Alice"), attendees, 0, null, false, false);
    }

    private static final Recurrence WEEKLY = new Recurrence("WEEKLY", 1, List.of("MO", "WE"), null, null, 6, null, null);

    @Test
    void aNewEventShouldConvertAndReadBackAsWritten() {
        String text = CalendarEvents.create(event("Planning; review", NINE, NINE.plusSeconds(3600), null, List.of()), NOW);
        assertThat(text).contains("DTSTART;TZID=Europe/Amsterdam:20261207T090000", "SUMMARY:Planning\\; review",
                "TRIGGER:-PT15M");
        ICalItems.parse(text, new TestIds(), SERVER); // the store's conversion takes it
        EventData back = CalendarEvents.master(text, SERVER);
        assertThat(back.summary()).isEqualTo("Planning; review");
        assertThat(back.description()).isEqualTo("Agenda\nline two");
        assertThat(back.start()).isEqualTo(NINE);
        assertThat(back.zone()).isEqualTo("Europe/Amsterdam");
        assertThat(back.reminder()).isEqualTo(15);
        assertThat(back.busy()).isEqualTo("BUSY");
        assertThat(back.recurring()).isFalse();
    }

    @Test
    void allDayEventsShouldBeDates() {
        Instant day = LocalDate.of(2026, 12, 24).atStartOfDay(SERVER).toInstant();
        EventData e = new EventData("uid-2", "Holiday", null, null, day, day.plusSeconds(86400), true,
                "Europe/Amsterdam", "FREE", null, false, null, List.of(), List.of(), null, List.of(), 0, null, false, false);
        String text = CalendarEvents.create(e, NOW);
        assertThat(text).contains("DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261225", "TRANSP:TRANSPARENT");
        assertThat(CalendarEvents.master(text, SERVER).allDay()).isTrue();
    }

    @Test
    void aSeriesShouldExpandAndOneOccurrenceChangeOrGo() {
        String text = CalendarEvents.create(event("Standup", NINE, NINE.plusSeconds(900), WEEKLY, List.of()), NOW);
        List<EventData> all = CalendarEvents.instances(text, NINE.minusSeconds(1), NINE.plusSeconds(30 * 86400), SERVER);
        assertThat(all).hasSize(6);
        assertThat(all.get(1).start()).isEqualTo(Instant.parse("2026-12-09T08:00:00Z"));
        assertThat(all.get(1).recurrenceId()).isEqualTo(all.get(1).start());

        Instant wed = all.get(1).recurrenceId();
        EventData moved = event("Standup (moved)", wed.plusSeconds(3600), wed.plusSeconds(4500), null, List.of());
        text = CalendarEvents.updateOccurrence(text, wed, moved, NOW, SERVER);
        text = CalendarEvents.removeOccurrence(text, all.get(2).recurrenceId(), NOW, SERVER);
        ICalItems.parse(text, new TestIds(), SERVER);
        List<EventData> now = CalendarEvents.instances(text, NINE.minusSeconds(1), NINE.plusSeconds(30 * 86400), SERVER);
        assertThat(now).hasSize(5);
        assertThat(now.get(1).summary()).isEqualTo("Standup (moved)");
        assertThat(now.get(1).start()).isEqualTo(wed.plusSeconds(3600));
        assertThat(now.get(1).recurrenceId()).isEqualTo(wed);
        assertThat(now).extracting(EventData::recurrenceId).doesNotContain(all.get(2).recurrenceId());

        EventData master = CalendarEvents.master(text, SERVER);
        assertThat(master.recurrence().byDay()).containsExactly("MO", "WE");
        assertThat(master.excluded()).containsExactly(all.get(2).recurrenceId());
        assertThat(master.overridden()).containsExactly(wed);

        // a new title keeps the exceptions; a new time drops them (their occurrences are gone)
        String renamed = CalendarEvents.update(text, event("Daily standup", NINE, NINE.plusSeconds(900),
                master.recurrence(), List.of()), NOW, SERVER);
        assertThat(CalendarEvents.master(renamed, SERVER).overridden()).containsExactly(wed);
        assertThat(CalendarEvents.master(renamed, SERVER).excluded()).hasSize(1);
        String later = CalendarEvents.update(text, event("Daily standup", NINE.plusSeconds(1800), NINE.plusSeconds(2700),
                master.recurrence(), List.of()), NOW, SERVER);
        assertThat(CalendarEvents.master(later, SERVER).overridden()).isEmpty();
        assertThat(CalendarEvents.master(later, SERVER).excluded()).isEmpty();
        assertThat(CalendarEvents.instances(later, NINE, NINE.plusSeconds(30 * 86400), SERVER)).hasSize(6);
    }

    @Test
    void anUntilDateShouldIncludeOccurrencesOfThatDay() {
        Recurrence daily = new Recurrence("DAILY", 1, List.of(), null, null, null, LocalDate.of(2026, 12, 9), null);
        String text = CalendarEvents.create(event("Course", NINE, NINE.plusSeconds(3600), daily, List.of()), NOW);
        assertThat(CalendarEvents.instances(text, NINE, NINE.plusSeconds(10 * 86400), SERVER)).hasSize(3);
        assertThat(CalendarEvents.master(text, SERVER).recurrence().until()).isEqualTo(LocalDate.of(2026, 12, 9));
    }

    @Test
    void whatTheFormDoesNotShowShouldStay() {
        String text = CalendarEvents.create(event("Review", NINE, NINE.plusSeconds(3600), null, List.of()), NOW)
                .replace("END:VEVENT", "X-ZCP-TEST:kept\r\nURL:https://example.test/x\r\nEND:VEVENT");
        String changed = CalendarEvents.update(text, event("Review 2", NINE, NINE.plusSeconds(3600), null, List.of()), NOW, SERVER);
        assertThat(changed).contains("X-ZCP-TEST:kept", "URL:https://example.test/x", "SUMMARY:Review 2");
        assertThat(changed.split("SUMMARY").length).isEqualTo(2);
        assertThat(changed.split("BEGIN:VALARM").length).isEqualTo(2); // same reminder: the alarm kept once
    }

    @Test
    void aMeetingShouldInviteAndBeAnswered() {
        List<Person> people = List.of(new Person("bob@zcp.test", "Bob", "REQ-PARTICIPANT", "INDIVIDUAL", null),
                new Person("room1@zcp.test", "Room 1", "NON-PARTICIPANT", "ROOM", null));
        String text = CalendarEvents.create(event("Kick-off", NINE, NINE.plusSeconds(3600), WEEKLY, people), NOW);
        List<Outgoing> sent = ImplicitScheduling.afterPut(null, text, "alice@zcp.test", "Alice", NOW);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).to()).containsExactly("bob@zcp.test", "room1@zcp.test");
        assertThat(sent.get(0).itip()).contains("METHOD:REQUEST", "CUTYPE=ROOM");

        // Bob accepts in his copy: the organizer gets his REPLY
        String tentativeCopy = text.replace("X-MICROSOFT-CDO-BUSYSTATUS:BUSY", "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE");
        String bobs = CalendarEvents.answer(tentativeCopy, "bob@zcp.test", PartStat.ACCEPTED, NOW);
        assertThat(CalendarEvents.master(bobs, SERVER).attendees().get(0).partStat()).isEqualTo("ACCEPTED");
        assertThat(CalendarEvents.master(bobs, SERVER).busy()).isEqualTo("BUSY");
        assertThat(CalendarEvents.master(CalendarEvents.answer(text, "bob@zcp.test", PartStat.TENTATIVE, NOW), SERVER).busy())
                .isEqualTo("TENTATIVE");
        List<Outgoing> reply = ImplicitScheduling.afterPut(text, bobs, "bob@zcp.test", "Bob", NOW);
        assertThat(reply).hasSize(1);
        assertThat(reply.get(0).to()).containsExactly("alice@zcp.test");
        assertThat(reply.get(0).itip()).contains("METHOD:REPLY", "PARTSTAT=ACCEPTED");

        // or Bob proposes another time: a COUNTER to the organizer, delivered as a tentative answer
        Outgoing counter = ImplicitScheduling.counter(text, "bob@zcp.test", "Bob", PartStat.TENTATIVE,
                NINE.plusSeconds(7200), NINE.plusSeconds(10800), "later, please", NOW);
        assertThat(counter.to()).containsExactly("alice@zcp.test");
        assertThat(counter.itip()).contains("METHOD:COUNTER", "DTSTART:20261207T100000Z", "DTEND:20261207T110000Z",
                "PARTSTAT=TENTATIVE", "COMMENT:later\\, please");
        Itip.Message proposal = Itip.read(counter.itip(), SERVER);
        assertThat(Itip.messageClass(proposal)).isEqualTo("IPM.Schedule.Meeting.Resp.Tent");
        assertThat(proposal.start()).isEqualTo(NINE.plusSeconds(7200));

        // moving the meeting raises its SEQUENCE and asks again
        String moved = CalendarEvents.update(text, event("Kick-off", NINE.plusSeconds(3600), NINE.plusSeconds(7200),
                WEEKLY, people), NOW, SERVER);
        assertThat(CalendarEvents.master(moved, SERVER).sequence()).isEqualTo(1);
        assertThat(ImplicitScheduling.afterPut(text, moved, "alice@zcp.test", "Alice", NOW)).hasSize(1);
        assertThat(ImplicitScheduling.afterDelete(moved, "alice@zcp.test", "Alice", NOW).get(0).itip())
                .contains("METHOD:CANCEL");
    }

    @Test
    void badFormsShouldBeRefusedWithTheReason() {
        assertThatThrownBy(() -> CalendarEvents.create(event("x", NINE, NINE.minusSeconds(60), null, List.of()), NOW))
                .isInstanceOf(ICalException.class).hasMessageContaining("end before");
        Recurrence hourly = new Recurrence("HOURLY", 1, List.of(), null, null, null, null, null);
        assertThatThrownBy(() -> CalendarEvents.create(event("x", NINE, NINE.plusSeconds(60), hourly, List.of()), NOW))
                .hasMessageContaining("daily, weekly");
        String single = CalendarEvents.create(event("x", NINE, NINE.plusSeconds(60), null, List.of()), NOW);
        assertThatThrownBy(() -> CalendarEvents.removeOccurrence(single, NINE, NOW, SERVER))
                .hasMessageContaining("not a recurring");
    }
}
