package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.ical.FreeBusy.Period;
import org.zcp.ical.FreeBusy.Type;
import org.zcp.store.api.mapi.PropValue;

/** Free/busy as published in the public store ([MS-OXOPFFB] 2.2.1.2): month lists and event blobs. */
class PublishedFreeBusyTest {
    private static final Instant FROM = Instant.parse("2025-01-24T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-04-24T00:00:00Z");

    private static PropValue prop(List<PropValue> props, int tag) {
        return props.stream().filter(p -> p.tag == tag).findFirst().orElseThrow();
    }

    @Test
    void aPeriodShouldBeItsMonthAndMinutesSinceTheMonthBegan() {
        List<PropValue> props = PublishedFreeBusy.props(List.of(
                new Period(Instant.parse("2025-02-03T09:00:00Z"), Instant.parse("2025-02-03T10:30:00Z"), Type.BUSY)),
                FROM, TO, FROM);
        assertThat(prop(props, PublishedFreeBusy.MONTHS_BUSY).mvl).containsExactly(2025L * 16 + 2);
        // 2 days and 9 hours = 3420 minutes (0x0D5C), to 3510 (0x0DB6), little endian
        assertThat(HexFormat.of().formatHex(prop(props, PublishedFreeBusy.EVENTS_BUSY).mvbin.get(0))).isEqualTo("5c0db60d");
        assertThat(prop(props, PublishedFreeBusy.MONTHS_TENTATIVE).mvl).isEmpty();
        assertThat(prop(props, PublishedFreeBusy.MONTHS_MERGED).mvl).containsExactly(2025L * 16 + 2);
        assertThat(prop(props, PublishedFreeBusy.PUBLISH_START).l).isEqualTo(PublishedFreeBusy.minutes1601(FROM));
        // MAPI's RTime: minutes since 1601 (the FILETIME of 1970 is 11644473600 s after it)
        assertThat(PublishedFreeBusy.minutes1601(Instant.parse("1601-01-02T00:00:00Z"))).isEqualTo(1440);
        assertThat(PublishedFreeBusy.minutes1601(Instant.EPOCH)).isEqualTo(11_644_473_600L / 60);
    }

    @Test
    void aPeriodAcrossAMonthEndShouldBeSplitAndKindsKeptApart() {
        List<PropValue> props = PublishedFreeBusy.props(List.of(
                new Period(Instant.parse("2025-02-27T00:00:00Z"), Instant.parse("2025-03-02T00:00:00Z"), Type.BUSY_UNAVAILABLE),
                new Period(Instant.parse("2025-03-10T08:00:00Z"), Instant.parse("2025-03-10T09:00:00Z"), Type.BUSY_TENTATIVE),
                new Period(Instant.parse("2025-03-10T08:30:00Z"), Instant.parse("2025-03-10T10:00:00Z"), Type.BUSY)),
                FROM, TO, FROM);
        PropValue months = prop(props, PublishedFreeBusy.MONTHS_AWAY);
        PropValue events = prop(props, PublishedFreeBusy.EVENTS_AWAY);
        assertThat(months.mvl).containsExactly(2025L * 16 + 2, 2025L * 16 + 3);
        List<Period> back = PublishedFreeBusy.read(months.mvl, events.mvbin, Type.BUSY_UNAVAILABLE);
        assertThat(back).containsExactly(
                new Period(Instant.parse("2025-02-27T00:00:00Z"), Instant.parse("2025-03-01T00:00:00Z"), Type.BUSY_UNAVAILABLE),
                new Period(Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-02T00:00:00Z"), Type.BUSY_UNAVAILABLE));
        // merged: the tentative and the busy hour overlap and are one period there
        PropValue merged = prop(props, PublishedFreeBusy.EVENTS_MERGED);
        List<Period> all = PublishedFreeBusy.read(prop(props, PublishedFreeBusy.MONTHS_MERGED).mvl, merged.mvbin, Type.BUSY);
        assertThat(all).contains(new Period(Instant.parse("2025-03-10T08:00:00Z"), Instant.parse("2025-03-10T10:00:00Z"),
                Type.BUSY));
        assertThat(PublishedFreeBusy.read(prop(props, PublishedFreeBusy.MONTHS_TENTATIVE).mvl,
                prop(props, PublishedFreeBusy.EVENTS_TENTATIVE).mvbin, Type.BUSY_TENTATIVE)).hasSize(1);
    }

    @Test
    void periodsOutsideTheRangeShouldBeClippedOrLeftOut() {
        List<PropValue> props = PublishedFreeBusy.props(List.of(
                new Period(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-02T00:00:00Z"), Type.BUSY),
                new Period(Instant.parse("2025-01-23T22:00:00Z"), Instant.parse("2025-01-24T02:00:00Z"), Type.BUSY)),
                FROM, TO, FROM);
        List<Period> back = PublishedFreeBusy.read(prop(props, PublishedFreeBusy.MONTHS_BUSY).mvl,
                prop(props, PublishedFreeBusy.EVENTS_BUSY).mvbin, Type.BUSY);
        assertThat(back).containsExactly(new Period(FROM, Instant.parse("2025-01-24T02:00:00Z"), Type.BUSY));
    }
}
