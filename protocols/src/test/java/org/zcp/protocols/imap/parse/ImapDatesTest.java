package org.zcp.protocols.imap.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImapDatesTest {
    @Test
    void dates() throws Exception {
        assertThat(ImapDates.parseDate("1-Feb-1994")).isEqualTo(LocalDate.of(1994, 2, 1));
        assertThat(ImapDates.parseDate("01-feb-1994")).isEqualTo(LocalDate.of(1994, 2, 1));
        assertThat(ImapDates.parseDate("29-FEB-2000")).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31-Feb-1994", "1-Fbr-1994", "1994-02-01", "1-Feb-94", "123-Feb-1994", "-Feb-1994",
        "1 Feb 1994", "1-Feb-1994x", "29-Feb-1900", "0-Jan-2000"})
    void invalidDates(String text) {
        assertThatThrownBy(() -> ImapDates.parseDate(text)).isInstanceOf(ParseException.class)
                .hasMessage("Invalid date");
    }

    @Test
    void dateTimes() throws Exception {
        OffsetDateTime t = ImapDates.parseDateTime("17-Jul-1996 02:44:25 -0700");
        assertThat(t).isEqualTo(OffsetDateTime.of(1996, 7, 17, 2, 44, 25, 0, ZoneOffset.ofHours(-7)));
        assertThat(ImapDates.parseDateTime(" 7-Jul-1996 02:44:25 +0130").getOffset())
                .isEqualTo(ZoneOffset.ofHoursMinutes(1, 30));
        assertThat(ImapDates.parseDateTime("7-Jul-1996 02:44:25 +0000").getDayOfMonth()).isEqualTo(7);
        assertThat(ImapDates.formatDateTime(ImapDates.parseDateTime(" 7-Jul-1996 02:44:25 -0700")))
                .isEqualTo("\" 7-Jul-1996 02:44:25 -0700\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"17-Jul-1996 02:44:25", "17-Jul-1996 24:00:00 +0000", "17-Jul-1996 2:44:25 +0000",
        "17-Jul-1996 02:44:25 0700", "17-Jul-1996 02:44:25 +07", "17-Jul-1996  02:44:25 +0000",
        "17-Jul-1996 02:44:25 +2400"})
    void invalidDateTimes(String text) {
        assertThatThrownBy(() -> ImapDates.parseDateTime(text)).isInstanceOf(ParseException.class);
    }
}
