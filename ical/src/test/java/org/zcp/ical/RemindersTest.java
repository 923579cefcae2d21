package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.ical.EventData.Recurrence;
import org.zcp.store.api.mapi.Message;

class RemindersTest {
    private static final ZoneId SERVER = ZoneId.of("Europe/Amsterdam");
    private static final Instant NOW = Instant.parse("2026-12-07T07:50:00Z");
    private static final Instant NINE = Instant.parse("2026-12-07T08:00:00Z");
    private final TestIds ids = new TestIds();

    private static EventData data(Instant start, Integer reminder, Recurrence r) {
        return new EventData("uid-r@zcp.test", "Dentist", null, null, start, start.plusSeconds(1800), false,
                "Europe/Amsterdam", "BUSY", reminder, false, r, List.of(), List.of(), null, List.of(), 0, null, false, false);
    }

    private static String event(Integer reminder, Recurrence r) {
        return CalendarEvents.create(data(NINE, reminder, r), NOW.minusSeconds(86400));
    }

    /** Through the store's conversion and back, as the web client and CalDAV read the item. */
    private String stored(String text) {
        return ICalItems.render(ICalItems.parse(text, ids, SERVER).message(), ids, SERVER);
    }

    @Test
    void aDismissedReminderShouldBeAcknowledgedInTheItemForEveryClient() {
        String text = stored(Reminders.dismiss(event(15, null), NOW));

        assertThat(Reminders.state(text)).isEqualTo(new Reminders.State(NOW, null));
        assertThat(text).contains("ACKNOWLEDGED:20261207T075000Z", "X-MOZ-LASTACK:20261207T075000Z", "TRIGGER:-PT15M");
        // the reminder itself stays: the next client still knows it is 15 minutes before
        assertThat(CalendarEvents.master(text, SERVER).reminder()).isEqualTo(15);
        Props p = new Props(ICalItems.parse(text, ids, SERVER).message().props, ids);
        assertThat(p.bool(Names.REMINDER_SET)).isTrue();
        assertThat(p.num(Names.REMINDER_DELTA)).isEqualTo(15L);
    }

    @Test
    void aSnoozeShouldRemindAgainAndADismissalEndIt() {
        Instant until = NOW.plusSeconds(600);
        String snoozed = stored(Reminders.snooze(event(15, null), NOW, until));

        assertThat(Reminders.state(snoozed)).isEqualTo(new Reminders.State(NOW, until));
        assertThat(snoozed).contains("RELATED-TO;RELTYPE=SNOOZE:", "TRIGGER;VALUE=DATE-TIME:20261207T080000Z");
        Message m = ICalItems.parse(snoozed, ids, SERVER).message();
        Props p = new Props(m.props, ids);
        assertThat(p.num(Names.REMINDER_SIGNAL_TIME)).isEqualTo(until.toEpochMilli());
        assertThat(p.num(Names.REMINDER_DELTA)).isEqualTo(15L);
        assertThat(CalendarEvents.master(snoozed, SERVER).reminder()).isEqualTo(15);

        Instant later = until.plusSeconds(60);
        String dismissed = stored(Reminders.dismiss(snoozed, later));
        assertThat(Reminders.state(dismissed)).isEqualTo(new Reminders.State(later, null));
        assertThat(dismissed).doesNotContain("RELTYPE=SNOOZE");
        assertThat(dismissed.split("BEGIN:VALARM", -1)).hasSize(2);
    }

    @Test
    void thunderbirdsAcknowledgementShouldCountAndEndAnEarlierSnooze() {
        Instant until = NOW.plusSeconds(600);
        String snoozed = Reminders.snooze(event(15, null), NOW, until);
        String thunderbird = snoozed.replace("X-MOZ-LASTACK:20261207T075000Z", "X-MOZ-LASTACK:20261207T080500Z");

        assertThat(Reminders.state(thunderbird)).isEqualTo(new Reminders.State(Instant.parse("2026-12-07T08:05:00Z"), null));
        assertThat(Reminders.state(Corpus.read("ical", "thunderbird-lf-only.ics")).acknowledged())
                .isEqualTo(Instant.parse("2025-10-27T07:16:00Z"));
        assertThat(Reminders.state(event(15, null))).isEqualTo(Reminders.State.NONE);
    }

    @Test
    void aSeriesShouldBeAcknowledgedInItsOverridesAndSnoozedInTheMaster() {
        Recurrence daily = new Recurrence("DAILY", 1, List.of(), null, null, 5, null, null);
        String series = CalendarEvents.updateOccurrence(event(15, daily), NINE.plusSeconds(86400),
                data(NINE.plusSeconds(86400 + 3600), 15, null), NOW, SERVER);
        String snoozed = Reminders.snooze(series, NOW, NOW.plusSeconds(300));

        List<List<String>> events = CalendarEvents.topBlocks(Lines.split(snoozed)).stream()
                .filter(CalendarEvents::isEvent).toList();
        assertThat(events).hasSize(2);
        assertThat(events).allSatisfy(e -> assertThat(e).contains("ACKNOWLEDGED:20261207T075000Z"));
        assertThat(events.get(0)).doesNotContain("RECURRENCE-ID").anyMatch(l -> l.startsWith("RELATED-TO;RELTYPE=SNOOZE"));
        assertThat(events.get(1)).noneMatch(l -> l.startsWith("RELATED-TO"));
        assertThat(stored(snoozed)).contains("RECURRENCE-ID");
    }

    @Test
    void anEventWithoutReminderOrAPastSnoozeShouldBeRefused() {
        assertThatThrownBy(() -> Reminders.dismiss(event(null, null), NOW)).isInstanceOf(ICalException.class)
                .hasMessageContaining("no reminder");
        assertThatThrownBy(() -> Reminders.snooze(event(15, null), NOW, NOW)).isInstanceOf(ICalException.class);
    }
}
