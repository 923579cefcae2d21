package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zcp.store.api.mapi.Message;

/**
 * A calendar-query reads only {@link ICalItems#queryTags} of every item and loads the rest: for
 * every corpus item, the peek must say "recurring" exactly for the recurring ones, and decide
 * every time range of a non-recurring one as the whole item does.
 */
class QueryTagsTest {
    static Stream<String> files() {
        return Corpus.files("ical", ".ics");
    }

    @ParameterizedTest
    @MethodSource("files")
    void aPeekDecidesAsTheWholeItemOrSaysItRecursAndWhereItMay(String file) {
        TestIds ids = new TestIds();
        String text = Corpus.read("ical", file);
        Message whole = ICalItems.parse(text, ids, Corpus.SERVER_ZONE).message();
        List<Integer> tags = ICalItems.queryTags(ids);
        Message peek = new Message();
        peek.props = whole.props.stream().filter(p -> tags.contains(p.tag)).toList();
        String items = text.replaceAll("(?s)BEGIN:VTIMEZONE.*?END:VTIMEZONE", ""); // zones have RRULEs too
        boolean recurs = items.contains("RRULE") || items.contains("RDATE");
        assertThat(ICalItems.isRecurring(peek, ids)).as(file).isEqualTo(recurs);
        Instant base = Instant.parse("2010-01-01T00:00:00Z");
        if (recurs) {
            // the series' range may only rule out what has no occurrence
            for (int year = 0; year < 30; year++) {
                for (int month = 0; month < 12; month += 3) {
                    Instant from = base.plus(year * 365L + month * 30L, ChronoUnit.DAYS);
                    Instant to = from.plus(90, ChronoUnit.DAYS);
                    if (ICalItems.overlaps(whole, ids, from, to, Corpus.SERVER_ZONE)) {
                        assertThat(ICalItems.mayRecurIn(peek, ids, from, to)).as(file + " " + from).isTrue();
                    }
                }
            }
            return;
        }
        for (int year = 0; year < 30; year++) {
            for (int month = 0; month < 12; month += 3) {
                Instant from = base.plus(year * 365L + month * 30L, ChronoUnit.DAYS);
                Instant to = from.plus(90, ChronoUnit.DAYS);
                assertThat(ICalItems.overlaps(peek, ids, from, to, Corpus.SERVER_ZONE)).as(file + " " + from)
                        .isEqualTo(ICalItems.overlaps(whole, ids, from, to, Corpus.SERVER_ZONE));
            }
        }
    }
}

class SeriesRangeTest {
    @org.junit.jupiter.api.Test
    void aBoundedSeriesIsRuledOutFarFromItsOccurrences() {
        TestIds ids = new TestIds();
        Message whole = ICalItems.parse(Corpus.read("ical", "rrule-count-across-dst.ics"), ids, Corpus.SERVER_ZONE)
                .message();
        List<Integer> tags = ICalItems.queryTags(ids);
        Message peek = new Message();
        peek.props = whole.props.stream().filter(p -> tags.contains(p.tag)).toList();
        Instant far = Instant.parse("2090-01-01T00:00:00Z");
        assertThat(ICalItems.mayRecurIn(peek, ids, far, far.plus(30, ChronoUnit.DAYS))).isFalse();
    }
}
