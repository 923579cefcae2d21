package org.zcp.ical;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.zcp.store.api.mapi.PropValue;

/**
 * A user's free/busy as published in the public store for MAPI clients ([MS-OXOPFFB] 2.2.1.2, what
 * Outlook and the original's libfreebusy read): per kind of busy time (tentative, busy, out of
 * office, and all of them merged) the months that have some (year × 16 + month) and, for each of
 * those months, its periods as pairs of little-endian 16-bit minutes since the month began, in
 * UTC, a period that runs into the next month split at the month's end; and the published range as
 * minutes since 1601.
 */
public final class PublishedFreeBusy {
    private PublishedFreeBusy() {
    }

    /** PidTagScheduleInfoMonthsTentative / FreeBusyTentative. */
    public static final int MONTHS_TENTATIVE = 0x68511003;
    public static final int EVENTS_TENTATIVE = 0x68521102;
    /** PidTagScheduleInfoMonthsBusy / FreeBusyBusy. */
    public static final int MONTHS_BUSY = 0x68531003;
    public static final int EVENTS_BUSY = 0x68541102;
    /** PidTagScheduleInfoMonthsAway / FreeBusyAway (out of office). */
    public static final int MONTHS_AWAY = 0x68551003;
    public static final int EVENTS_AWAY = 0x68561102;
    /** PidTagScheduleInfoMonthsMerged / FreeBusyMerged: every kind of busy time together. */
    public static final int MONTHS_MERGED = 0x684F1003;
    public static final int EVENTS_MERGED = 0x68501102;
    /** PidTagFreeBusyPublishStart / End: the published range, minutes since 1601-01-01 UTC. */
    public static final int PUBLISH_START = 0x68470003;
    public static final int PUBLISH_END = 0x68480003;
    /** PidTagFreeBusyRangeTimestamp: when the range was published. */
    public static final int RANGE_TIMESTAMP = 0x68680040;
    /** PidTagFreeBusyMessageEmailAddress: whose free/busy it is. */
    public static final int EMAIL_ADDRESS = 0x6849001F;

    private static final LocalDateTime EPOCH_1601 = LocalDateTime.of(1601, 1, 1, 0, 0);

    /**
     * The properties of a published free/busy message for {@code periods} (any order, any overlap)
     * within [from, to); each kind's pair is written even when empty, so a republication clears
     * what was busy before.
     */
    public static List<PropValue> props(List<FreeBusy.Period> periods, Instant from, Instant to, Instant now) {
        List<FreeBusy.Period> tentative = new ArrayList<>();
        List<FreeBusy.Period> busy = new ArrayList<>();
        List<FreeBusy.Period> away = new ArrayList<>();
        List<FreeBusy.Period> all = new ArrayList<>();
        for (FreeBusy.Period p : periods) {
            Instant s = p.start().isBefore(from) ? from : p.start();
            Instant e = p.end().isAfter(to) ? to : p.end();
            if (!e.isAfter(s)) continue;
            FreeBusy.Period clipped = new FreeBusy.Period(s, e, p.type());
            (switch (p.type()) {
                case BUSY_TENTATIVE -> tentative;
                case BUSY -> busy;
                case BUSY_UNAVAILABLE -> away;
            }).add(clipped);
            all.add(new FreeBusy.Period(s, e, FreeBusy.Type.BUSY));
        }
        List<PropValue> out = new ArrayList<>();
        encode(tentative, MONTHS_TENTATIVE, EVENTS_TENTATIVE, out);
        encode(busy, MONTHS_BUSY, EVENTS_BUSY, out);
        encode(away, MONTHS_AWAY, EVENTS_AWAY, out);
        encode(all, MONTHS_MERGED, EVENTS_MERGED, out);
        out.add(PropValue.ofLong(PUBLISH_START, minutes1601(from)));
        out.add(PropValue.ofLong(PUBLISH_END, minutes1601(to)));
        out.add(PropValue.ofTime(RANGE_TIMESTAMP, now.toEpochMilli()));
        return out;
    }

    /** Minutes since 1601-01-01 00:00 UTC (MAPI's "RTime"). */
    public static long minutes1601(Instant t) {
        return ChronoUnit.MINUTES.between(EPOCH_1601, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    /** The periods a published pair holds, back as instants (how a reader of the message sees them). */
    public static List<FreeBusy.Period> read(List<Long> months, List<byte[]> events, FreeBusy.Type type) {
        List<FreeBusy.Period> out = new ArrayList<>();
        for (int i = 0; i < Math.min(months.size(), events.size()); i++) {
            long ym = months.get(i);
            Instant monthStart = YearMonth.of((int) (ym >> 4), (int) (ym & 0xF)).atDay(1).atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
            ByteBuffer b = ByteBuffer.wrap(events.get(i)).order(ByteOrder.LITTLE_ENDIAN);
            while (b.remaining() >= 4) {
                int s = Short.toUnsignedInt(b.getShort());
                int e = Short.toUnsignedInt(b.getShort());
                out.add(new FreeBusy.Period(monthStart.plus(Duration.ofMinutes(s)), monthStart.plus(Duration.ofMinutes(e)),
                        type));
            }
        }
        return out;
    }

    /** One kind's months and their event blobs: periods joined where they meet, split at month ends. */
    private static void encode(List<FreeBusy.Period> periods, int monthsTag, int eventsTag, List<PropValue> out) {
        Map<YearMonth, ByteBuffer> byMonth = new TreeMap<>();
        for (FreeBusy.Period p : FreeBusy.merge(periods)) {
            Instant s = p.start();
            while (s.isBefore(p.end())) {
                YearMonth month = YearMonth.from(s.atOffset(ZoneOffset.UTC));
                Instant monthStart = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                Instant e = p.end().isBefore(monthEnd) ? p.end() : monthEnd;
                ByteBuffer b = byMonth.computeIfAbsent(month, m -> ByteBuffer.allocate(64 * 1024)
                        .order(ByteOrder.LITTLE_ENDIAN));
                if (b.remaining() >= 4) {
                    b.putShort((short) Duration.between(monthStart, s).toMinutes());
                    b.putShort((short) Duration.between(monthStart, e).toMinutes());
                }
                s = e;
            }
        }
        List<Long> months = new ArrayList<>();
        List<byte[]> events = new ArrayList<>();
        byMonth.forEach((month, b) -> {
            months.add((long) month.getYear() * 16 + month.getMonthValue());
            byte[] bytes = new byte[b.position()];
            b.flip();
            b.get(bytes);
            events.add(bytes);
        });
        out.add(PropValue.ofLongs(monthsTag, months));
        out.add(PropValue.ofBinaries(eventsTag, events));
    }
}
