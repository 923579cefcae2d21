package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Recipient;

/** The MAPI values of a few corpus events, as MS-OXOCAL and MS-OXCICAL want them. */
class EventMappingTest {
    private final TestIds ids = new TestIds();

    private Props parse(String file) {
        return new Props(ICalItems.parse(Corpus.read("ical", file), ids, Corpus.SERVER_ZONE).message().props, ids);
    }

    private static long millis(String localBerlin) {
        return java.time.LocalDateTime.parse(localBerlin).atZone(ZoneId.of("Europe/Berlin")).toInstant().toEpochMilli();
    }

    @Test
    void allDayEventShouldBeSubtypeTrueFromLocalMidnightToMidnight() {
        Props p = parse("allday-google.ics");

        assertThat(p.bool(Names.APPT_SUB_TYPE)).isTrue();
        assertThat(p.num(Names.APPT_START_WHOLE)).isEqualTo(millis("2025-06-01T00:00"));
        assertThat(p.num(Names.APPT_END_WHOLE)).isEqualTo(millis("2025-06-02T00:00"));
        assertThat(p.num(Tags.PR_START_DATE)).isEqualTo(millis("2025-06-01T00:00"));
        assertThat(p.num(Names.COMMON_END)).isEqualTo(millis("2025-06-02T00:00"));
        assertThat(p.num(Names.BUSY_STATUS)).isEqualTo(0L);
        assertThat(p.str(PropTag.PR_MESSAGE_CLASS)).isEqualTo("IPM.Appointment");
    }

    @Test
    void outlookAllDayShouldKeepCdoBusyStatusAndCategories() {
        Props p = parse("allday-outlook-multiday.ics");

        assertThat(p.bool(Names.APPT_SUB_TYPE)).isTrue();
        assertThat(p.num(Names.BUSY_STATUS)).isEqualTo(3L);
        assertThat(p.num(Names.APPT_DURATION)).isEqualTo(3 * 24 * 60L);
        assertThat(p.strs(Names.KEYWORDS)).containsExactly("Vacation", "Red Category");
    }

    @Test
    void outlookUidShouldBeKeptAsTheGlobalObjectIdBytes() {
        Props p = parse("outlook-meeting.ics");
        String uid = "040000008200E00074C5B7101A82E00800000000D0A9F1A1C388DB0100000000000000001000000025B2C7D3A77E6C4FB1A4E4C3F1E2D0B1";

        assertThat(HexFormat.of().withUpperCase().formatHex(p.bin(Names.GLOBAL_OBJECT_ID))).isEqualTo(uid);
        assertThat(p.bin(Names.CLEAN_GLOBAL_OBJECT_ID)).isEqualTo(p.bin(Names.GLOBAL_OBJECT_ID));
        assertThat(p.str(Names.UID)).isEqualTo(uid);
    }

    @Test
    void foreignUidShouldBeWrappedAsVcalUid() {
        byte[] goid = parse("google-meeting.ics").bin(Names.GLOBAL_OBJECT_ID);

        assertThat(goid).startsWith(Goid.CLASS_ID);
        assertThat(new String(goid, 40, 8, StandardCharsets.US_ASCII)).isEqualTo("vCal-Uid");
        assertThat(ByteBuffer.wrap(goid, 36, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(goid.length - 40);
        assertThat(goid[goid.length - 1]).isZero();
        assertThat(Goid.toUid(goid)).isEqualTo("5m8q2n4v7c0lq3j9d6s1h2k4p0@google.com");
    }

    @Test
    void attendeesShouldBeRecipientsWithTrackStatus() {
        Message m = ICalItems.parse(Corpus.read("ical", "outlook-meeting.ics"), ids, Corpus.SERVER_ZONE).message();

        assertThat(m.recipients).extracting(r -> recipient(r)).containsExactly(
                "bob@example.com/Bob Builder/type=1/track=3",
                "carol@example.org/Carol Jones/type=2/track=2",
                "dave@example.com/Dave Smith/type=1/track=0",
                "room401@example.com/Room 4.01/type=3/track=4");
        Props p = new Props(m.props, ids);
        assertThat(p.str(PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS)).isEqualTo("alice@example.com");
        assertThat(p.str(PropTag.PR_SENT_REPRESENTING_NAME)).isEqualTo("Alice Example");
        assertThat(p.str(PropTag.PR_SENDER_EMAIL_ADDRESS)).isEqualTo("alice@example.com");
        assertThat(p.num(Names.APPT_STATE_FLAGS)).isEqualTo(1L);
        assertThat(p.num(Names.APPT_SEQUENCE)).isEqualTo(2L);
    }

    private static String recipient(Recipient r) {
        Props p = new Props(r.props, null);
        return p.str(PropTag.PR_SMTP_ADDRESS) + "/" + p.str(PropTag.PR_DISPLAY_NAME) + "/type="
                + p.num(PropTag.PR_RECIPIENT_TYPE) + "/track=" + p.num(Tags.PR_RECIPIENT_TRACKSTATUS);
    }

    @Test
    void outlookMeetingShouldMapTimesReminderBodyAndWindowsZone() {
        Props p = parse("outlook-meeting.ics");

        assertThat(p.num(Names.APPT_START_WHOLE)).isEqualTo(Instant.parse("2025-03-03T08:00:00Z").toEpochMilli());
        assertThat(p.num(Names.APPT_END_WHOLE)).isEqualTo(Instant.parse("2025-03-03T09:30:00Z").toEpochMilli());
        assertThat(p.bool(Names.REMINDER_SET)).isTrue();
        assertThat(p.num(Names.REMINDER_DELTA)).isEqualTo(15L);
        assertThat(p.num(Names.REMINDER_SIGNAL_TIME)).isEqualTo(Instant.parse("2025-03-03T07:45:00Z").toEpochMilli());
        assertThat(p.str(PropTag.PR_BODY)).isEqualTo("Agenda:\n1. Budget\n2. Roadmap; milestones, dates\n");
        assertThat(p.str(Names.LOCATION)).isEqualTo("Meeting room 4.01");
        assertThat(p.str(PropTag.PR_SUBJECT)).isEqualTo("Quarterly planning");
        assertThat(p.num(PropTag.PR_SENSITIVITY)).isEqualTo(0L);
        assertThat(p.num(Names.BUSY_STATUS)).isEqualTo(2L);
        assertThat(p.str(Names.TIMEZONE_DESCRIPTION)).isEqualTo("W. Europe Standard Time");
        TzStructs.Rule r = TzStructs.readStruct(p.bin(Names.TIMEZONE_STRUCT));
        assertThat(r).isEqualTo(new TzStructs.Rule(-60, -60, new TzStructs.Change(10, 0, 5, 3, 0),
                new TzStructs.Change(3, 0, 5, 2, 0)));
        assertThat(p.str(Names.EXTRA)).contains("X-ALT-DESC;FMTTYPE=text/html:", "X-MICROSOFT-CDO-IMPORTANCE:1");
        assertThat(p.str(Names.TIMEZONES)).startsWith("BEGIN:VTIMEZONE").contains("TZID:W. Europe Standard Time");
    }

    @Test
    void historicZonesShouldGiveTheRuleOfTheEventsYear() {
        Props m2011 = parse("moscow-2011.ics");
        Props m2014 = parse("moscow-2014.ics");
        Props sp = parse("sao-paulo-dst.ics");

        assertThat(m2011.num(Names.APPT_START_WHOLE)).isEqualTo(Instant.parse("2011-12-15T06:00:00Z").toEpochMilli());
        assertThat(TzStructs.readStruct(m2011.bin(Names.TIMEZONE_STRUCT)).bias()).isEqualTo(-240);
        assertThat(m2014.num(Names.APPT_START_WHOLE)).isEqualTo(Instant.parse("2014-11-10T07:00:00Z").toEpochMilli());
        assertThat(TzStructs.readStruct(m2014.bin(Names.TIMEZONE_STRUCT)).bias()).isEqualTo(-180);
        assertThat(sp.num(Names.APPT_START_WHOLE)).isEqualTo(Instant.parse("2017-12-20T17:00:00Z").toEpochMilli());
        TzStructs.Rule r = TzStructs.readStruct(sp.bin(Names.TIMEZONE_STRUCT));
        assertThat(r.bias()).isEqualTo(180);
        assertThat(r.daylightBias()).isEqualTo(-60);
        byte[] def = m2014.bin(Names.TZDEF_START_DISPLAY);
        ByteBuffer b = ByteBuffer.wrap(def).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.get()).isEqualTo((byte) 2);
        assertThat(b.get()).isEqualTo((byte) 1);
        int cbHeader = b.getShort();
        int rules = ByteBuffer.wrap(def, 4 + cbHeader - 2, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertThat(rules).isGreaterThan(3);
        assertThat(def.length).isEqualTo(4 + cbHeader + 66 * rules);
    }

    @Test
    void alarmRelatedToTheEndAndSeveralCategoriesShouldMap() {
        Props p = parse("duration-no-dtend.ics");

        assertThat(p.num(Names.APPT_END_WHOLE) - p.num(Names.APPT_START_WHOLE)).isEqualTo(90 * 60_000L);
        assertThat(p.num(Names.REMINDER_DELTA)).isEqualTo(30L);
        assertThat(p.strs(Names.KEYWORDS)).containsExactly("Work", "Training", "Internal");
        assertThat(p.num(PropTag.PR_SENSITIVITY)).isEqualTo(3L);
        assertThat(p.bool(Names.PRIVATE)).isTrue();
    }

    @Test
    void recurringSeriesShouldKeepItsRulesAndOverrides() {
        Props p = parse("rrule-overrides.ics");

        assertThat(p.bool(Names.RECURRING)).isTrue();
        assertThat(p.str(Names.RECURRENCE)).startsWith("RRULE:FREQ=WEEKLY;COUNT=8").contains(
                "RECURRENCE-ID;TZID=Europe/Berlin:20250113T140000", "RECURRENCE-ID;TZID=Europe/Berlin:20250127T140000");
        String rendered = ICalItems.render(ICalItems.parse(Corpus.read("ical", "rrule-overrides.ics"), ids,
                Corpus.SERVER_ZONE).message(), ids, Corpus.SERVER_ZONE);
        assertThat(rendered.split("BEGIN:VEVENT", -1)).hasSize(4);
        assertThat(rendered.split("BEGIN:VTIMEZONE", -1)).hasSize(2);
    }

    @Test
    void clientDataWithoutMapiHomeShouldComeBack() {
        String google = render("google-meeting.ics");
        String apple = render("apple-event.ics");

        assertThat(google).contains("X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij", "ACTION:EMAIL");
        assertThat(apple).contains("ACKNOWLEDGED:20250415T173005Z", "X-WR-ALARMUID:", "URL;VALUE=URI:https://example.org/dinner",
                "X-APPLE-STRUCTURED-LOCATION");
    }

    @Test
    void floatingTimeShouldComeBackInTheServerZone() {
        String text = render("floating.ics");

        assertThat(text).contains("DTSTART;TZID=Europe/Berlin:20250110T070000", "BEGIN:VTIMEZONE");
    }

    @Test
    void reminderChangedInMapiShouldRewriteTheAlarmAndClearedShouldDropIt() {
        Message m = ICalItems.parse(Corpus.read("ical", "apple-event.ics"), ids, Corpus.SERVER_ZONE).message();
        Props p = new Props(m.props, ids);
        p.num(Names.REMINDER_DELTA, 30);

        String changed = ICalItems.render(m, ids, Corpus.SERVER_ZONE);
        p.bool(Names.REMINDER_SET, false);
        String cleared = ICalItems.render(m, ids, Corpus.SERVER_ZONE);

        assertThat(changed).contains("TRIGGER;RELATED=START:-PT30M").doesNotContain("ACKNOWLEDGED");
        assertThat(cleared).doesNotContain("BEGIN:VALARM");
    }

    @Test
    void outlookItemWithoutIcalPropertiesShouldGetUidFromGoidAndZoneFromStruct() {
        Message m = ICalItems.parse(Corpus.read("ical", "outlook-meeting.ics"), ids, Corpus.SERVER_ZONE).message();
        Props p = new Props(m.props, ids);
        m.props.removeIf(v -> v.tag == p.tag(Names.UID) || v.tag == p.tag(Names.EXTRA) || v.tag == p.tag(Names.TIMEZONES));
        p.str(Names.TIMEZONE_DESCRIPTION, "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna");

        String text = ICalItems.render(m, ids, ZoneId.of("UTC"));
        Props again = new Props(ICalItems.parse(text, ids, ZoneId.of("UTC")).message().props, ids);

        assertThat(text.replace("\r\n ", "")).contains("UID:040000008200E00074C5B7101A82E008",
                "DTSTART;TZID=\"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\":20250303T090000",
                "TZID:(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\r\n");
        assertThat(again.num(Names.APPT_START_WHOLE)).isEqualTo(p.num(Names.APPT_START_WHOLE));
        assertThat(again.bin(Names.TIMEZONE_STRUCT)).isEqualTo(p.bin(Names.TIMEZONE_STRUCT));
        assertThat(again.bin(Names.GLOBAL_OBJECT_ID)).isEqualTo(p.bin(Names.GLOBAL_OBJECT_ID));
    }

    @Test
    void zoneNoRegistryKnowsShouldBeWrittenFromTheStruct() {
        Message m = ICalItems.parse(Corpus.read("ical", "outlook-meeting.ics"), ids, Corpus.SERVER_ZONE).message();
        Props p = new Props(m.props, ids);
        m.props.removeIf(v -> v.tag == p.tag(Names.TIMEZONES));
        p.str(Names.TIMEZONE_DESCRIPTION, "Custom Outlook Zone");

        String text = ICalItems.render(m, ids, ZoneId.of("UTC"));
        Props again = new Props(ICalItems.parse(text, ids, ZoneId.of("UTC")).message().props, ids);

        assertThat(text).contains("TZID:Custom Outlook Zone", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
                "DTSTART;TZID=Custom Outlook Zone:20250303T090000");
        assertThat(again.num(Names.APPT_START_WHOLE)).isEqualTo(p.num(Names.APPT_START_WHOLE));
        assertThat(again.bin(Names.TIMEZONE_STRUCT)).isEqualTo(p.bin(Names.TIMEZONE_STRUCT));
    }

    @Test
    void summerEventInWindowsZoneShouldUseDaylightOffset() {
        String text = Corpus.read("ical", "outlook-meeting.ics").replace("20250303T", "20250707T");

        Props p = new Props(ICalItems.parse(text, ids, Corpus.SERVER_ZONE).message().props, ids);

        assertThat(p.num(Names.APPT_START_WHOLE)).isEqualTo(
                ZonedDateTime.parse("2025-07-07T09:00+02:00").toInstant().toEpochMilli());
    }

    @Test
    void lfOnlyFileShouldBeUnfoldedWhole() {
        Props p = parse("thunderbird-lf-only.ics");

        assertThat(p.str(PropTag.PR_BODY)).isEqualTo(
                "Bring the insurance card. This line is long enough that Lightning folds it, and a strict unfolder "
                        + "would cut it here.");
        assertThat(p.str(Names.EXTRA)).contains("X-MOZ-GENERATION:3", "X-MOZ-LASTACK:20251027T071600Z");
        assertThat(p.num(PropTag.PR_SENSITIVITY)).isEqualTo(2L);
    }

    private String render(String file) {
        return ICalItems.render(ICalItems.parse(Corpus.read("ical", file), ids, Corpus.SERVER_ZONE).message(), ids,
                Corpus.SERVER_ZONE);
    }

}
