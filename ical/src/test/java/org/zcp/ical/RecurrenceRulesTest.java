package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RRULE -> pattern -> blob -> pattern -> RRULE for each pattern MAPI has, and the rules it has none for. */
class RecurrenceRulesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static RecurrenceRules.Mapped map(String rrule, String start) {
        LocalDateTime s = LocalDateTime.parse(start);
        return RecurrenceRules.toPattern(new RecurrenceRules.Series(rrule, s, s.plusHours(1), false, BERLIN, List.of(),
                List.of(), "S", "", 2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FREQ=DAILY                                           | 2025-01-06T09:00 | 0x200A | 0 | 1440 | 0x2023
            FREQ=DAILY;INTERVAL=3;COUNT=10                       | 2025-01-06T09:00 | 0x200A | 0 | 4320 | 0x2022
            FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR                      | 2025-01-06T09:00 | 0x200A | 1 | 1    | 0x2023
            FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR                     | 2025-01-06T09:00 | 0x200B | 1 | 1    | 0x2023
            FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE                   | 2025-01-06T09:00 | 0x200B | 1 | 2    | 0x2023
            FREQ=WEEKLY;INTERVAL=3;COUNT=7;BYDAY=TU,TH,SA;WKST=SU | 2025-01-07T09:00 | 0x200B | 1 | 3    | 0x2022
            FREQ=MONTHLY;BYMONTHDAY=15                           | 2025-01-15T09:00 | 0x200C | 2 | 1    | 0x2023
            FREQ=MONTHLY;INTERVAL=2;COUNT=5;BYMONTHDAY=3         | 2025-01-03T09:00 | 0x200C | 2 | 2    | 0x2022
            FREQ=MONTHLY;BYDAY=2TU                               | 2025-01-14T09:00 | 0x200C | 3 | 1    | 0x2023
            FREQ=MONTHLY;BYDAY=-1FR                              | 2025-01-31T09:00 | 0x200C | 3 | 1    | 0x2023
            FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1        | 2025-01-31T09:00 | 0x200C | 3 | 1    | 0x2023
            FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1         | 2025-01-01T09:00 | 0x200C | 3 | 1    | 0x2023
            FREQ=MONTHLY;BYMONTHDAY=-1                           | 2025-01-31T09:00 | 0x200C | 3 | 1    | 0x2023
            FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1      | 2025-01-31T09:00 | 0x200C | 2 | 1    | 0x2023
            FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15                  | 2025-03-15T09:00 | 0x200D | 2 | 12   | 0x2023
            FREQ=YEARLY;INTERVAL=2;COUNT=3;BYMONTH=3;BYMONTHDAY=15 | 2025-03-15T09:00 | 0x200D | 2 | 24 | 0x2022
            FREQ=YEARLY;BYMONTH=11;BYDAY=4TH                     | 2025-11-27T09:00 | 0x200D | 3 | 12   | 0x2023
            FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU                     | 2025-03-30T09:00 | 0x200D | 3 | 12   | 0x2023
            FREQ=WEEKLY;COUNT=10;BYDAY=MO                        | 2025-01-06T09:00 | 0x200B | 1 | 1    | 0x2022
            """)
    void ruleShouldComeBackFromTheBlob(String rrule, String start, String frequency, int patternType, int period, String endType) {
        RecurrenceRules.Mapped m = map(rrule, start);

        assertThat(m.notExpressible()).isNull();
        RecurrencePattern p = RecurrenceBlob.read(RecurrenceBlob.write(m.pattern()));
        assertThat(p).isEqualTo(m.pattern());
        assertThat(p.recurFrequency()).isEqualTo(Integer.decode(frequency));
        assertThat(p.patternType()).isEqualTo(patternType);
        assertThat(p.period()).isEqualTo(period);
        assertThat(p.endType()).isEqualTo(Integer.decode(endType));
        if (p.endless()) {
            assertThat(p.endDate()).isEqualTo(0x5AE980DF);
            assertThat(p.occurrenceCount()).isEqualTo(10);
        }
        String back = RecurrenceRules.toICal(p, BERLIN, false).rrule();
        // the last day of the month is written as Outlook does: the last of any day (mask 0x7F, N=5)
        assertThat(back).isEqualTo(rrule);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FREQ=WEEKLY;BYDAY=MO;UNTIL=20250331T225959Z  | 2025-01-06T10:00 | FREQ=WEEKLY;UNTIL=20250331T080000Z;BYDAY=MO       | 13
            FREQ=DAILY;UNTIL=20250402T220000Z           | 2025-03-27T09:00 | FREQ=DAILY;UNTIL=20250402T070000Z                 | 7
            FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20251231T000000Z | 2025-01-31T17:00 | FREQ=MONTHLY;UNTIL=20251226T160000Z;BYDAY=-1FR | 12
            FREQ=WEEKLY;COUNT=8                          | 2025-01-06T14:00 | FREQ=WEEKLY;COUNT=8;BYDAY=MO                      | 8
            FREQ=MONTHLY                                 | 2025-01-20T14:00 | FREQ=MONTHLY;BYMONTHDAY=20                        | 10
            FREQ=YEARLY                                  | 2025-06-02T14:00 | FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=2                | 10
            FREQ=DAILY;BYDAY=SA,SU                       | 2025-01-04T14:00 | FREQ=WEEKLY;BYDAY=SA,SU                           | 10
            """)
    void ruleShouldComeBackAsAnEquivalentOne(String rrule, String start, String expected, int count) {
        RecurrenceRules.Mapped m = map(rrule, start);

        assertThat(m.notExpressible()).isNull();
        assertThat(m.pattern().occurrenceCount()).isEqualTo(count);
        assertThat(RecurrenceRules.toICal(RecurrenceBlob.read(RecurrenceBlob.write(m.pattern())), BERLIN, false).rrule())
                .isEqualTo(expected);
        // and the equivalent rule maps to the very same pattern
        assertThat(map(expected, start).pattern()).isEqualTo(m.pattern());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1,2        | 2025-01-06T09:00 | several BYSETPOS values
            FREQ=MONTHLY;BYMONTHDAY=1,15                 | 2025-01-01T09:00 | several BYMONTHDAY values
            FREQ=DAILY;BYHOUR=9,17                       | 2025-01-01T09:00 | BYHOUR has no place
            FREQ=HOURLY                                  | 2025-01-01T09:00 | finer than MAPI's daily pattern
            FREQ=WEEKLY;BYDAY=1MO                        | 2025-01-06T09:00 | an nth day
            FREQ=MONTHLY;BYDAY=MO                        | 2025-01-06T09:00 | every such day of the month
            FREQ=MONTHLY;BYDAY=5MO                       | 2025-03-31T09:00 | MAPI knows the 1st to 4th and the last
            FREQ=MONTHLY;BYDAY=-2MO                      | 2025-03-24T09:00 | MAPI knows the 1st to 4th and the last
            FREQ=YEARLY;BYWEEKNO=20                      | 2025-05-12T09:00 | BYWEEKNO has no place
            FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=1         | 2025-03-01T09:00 | several BYMONTH values
            FREQ=MONTHLY;BYMONTHDAY=31                   | 2025-01-31T09:00 | occurrence 2 on 2025-02-28 instead of 2025-03-31
            FREQ=WEEKLY;BYDAY=TU                         | 2025-01-06T09:00 | DTSTART is not an occurrence of the rule
            FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=1           | 2025-03-01T09:00 | not the month of DTSTART
            FREQ=DAILY;INTERVAL=2;BYDAY=MO               | 2025-01-06T09:00 | FREQ=DAILY with BYDAY and INTERVAL
            FREQ=DAILY;COUNT=2;UNTIL=20250101T000000Z    | 2025-01-01T09:00 | COUNT and UNTIL together
            """)
    void ruleMapiCannotExpressShouldBeReportedWithTheReason(String rrule, String start, String reason) {
        RecurrenceRules.Mapped m = map(rrule, start);

        assertThat(m.pattern()).isNull();
        assertThat(m.notExpressible()).contains(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE  | 2025-01-06T10:00 | Occurs every 2 weeks on Monday and Wednesday effective 2025-01-06 from 10:00 to 11:00
            FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR     | 2025-01-06T10:00 | Occurs every weekday effective 2025-01-06 from 10:00 to 11:00
            FREQ=MONTHLY;BYDAY=-1FR;COUNT=3     | 2025-01-31T10:00 | Occurs the last Friday of every month effective 2025-01-31 until 2025-03-28 from 10:00 to 11:00
            FREQ=YEARLY;BYMONTH=11;BYDAY=4TH    | 2025-11-27T10:00 | Occurs the fourth Thursday of November effective 2025-11-27 from 10:00 to 11:00
            FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15 | 2025-03-15T10:00 | Occurs every March 15 effective 2025-03-15 from 10:00 to 11:00
            FREQ=MONTHLY;BYMONTHDAY=15          | 2025-01-15T10:00 | Occurs day 15 of every month effective 2025-01-15 from 10:00 to 11:00
            """)
    void patternShouldBeDescribedInWords(String rrule, String start, String words) {
        assertThat(RecurrenceRules.describe(map(rrule, start).pattern(), false)).isEqualTo(words);
    }
}
