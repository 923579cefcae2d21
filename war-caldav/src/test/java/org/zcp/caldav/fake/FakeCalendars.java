package org.zcp.caldav.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zcp.ical.FreeBusy;
import org.zcp.store.api.Calendars;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.StoreFailure.Kind;
import org.zcp.store.api.mapi.NamedProp;
import org.zcp.store.api.mapi.PropValue;

/**
 * Free/busy as {@link Calendars} says, over the fake items: each item's start, end and busy status
 * as Outlook keeps them (PSETID_Appointment), joined with the conversions' merge. Only alice has a
 * store; others may ask about the folders she shares with them, and anyone about her default
 * calendar by her name or address ({@link #freeBusyOf}). Meeting delivery is the mail
 * flow's, not the DAV layer's: it is not faked.
 */
public final class FakeCalendars implements Calendars {
    private static final String PSETID_APPOINTMENT = "00062002-0000-0000-C000-000000000046";
    private static final int PR_MESSAGE_CLASS_ID = 0x001A;

    private final FakeWebLogons logons;
    private final FakeFolderTree tree;
    private final FakeFolderItems items;

    public FakeCalendars(FakeWebLogons logons, FakeFolderTree tree, FakeFolderItems items) {
        this.logons = logons;
        this.tree = tree;
        this.items = items;
    }

    @Override
    public List<Busy> freeBusy(String session, long folderId, Instant from, Instant to) {
        String viewer = logons.check(session);
        checkRange(from, to);
        if (!viewer.equals("alice") && !tree.sharedWith(viewer, folderId)) {
            throw new FakeFailure(Kind.NO_ACCESS, "no free/busy right");
        }
        return busy(session, folderId, from, to);
    }

    /**
     * As the store: the range is checked first (INVALID whoever is asked about); alice's default
     * calendar ("Calendar") is seen by every user, as the original published free/busy to all.
     */
    @Override
    public Optional<List<Busy>> freeBusyOf(String session, String user, Instant from, Instant to) {
        logons.check(session);
        checkRange(from, to);
        if (!"alice".equalsIgnoreCase(user) && !"alice@example.com".equalsIgnoreCase(user)) return Optional.empty();
        Long calendar = tree.named("Calendar");
        if (calendar == null) return Optional.of(List.of());
        String own = logons.logon("alice", "secret", "127.0.0.1", "fake").session();
        try {
            return Optional.of(busy(own, calendar, from, to));
        } finally {
            logons.logoff(own);
        }
    }

    private static void checkRange(Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from) || Duration.between(from, to).toDays() > 732) {
            throw new FakeFailure(Kind.INVALID, "bad range");
        }
    }

    private List<Busy> busy(String session, long folderId, Instant from, Instant to) {
        List<Integer> ids = items.propIds(session, List.of(NamedProp.ofId(PSETID_APPOINTMENT, 0x820D),
                NamedProp.ofId(PSETID_APPOINTMENT, 0x820E), NamedProp.ofId(PSETID_APPOINTMENT, 0x8205)));
        int start = ids.get(0) << 16 | 0x0040;
        int end = ids.get(1) << 16 | 0x0040;
        int busy = ids.get(2) << 16 | 0x0003;
        List<FreeBusy.Period> periods = new ArrayList<>();
        for (Item i : items.peek(session, folderId, List.of(0x001A001F, start, end, busy))) {
            Long s = num(i, start);
            Long e = num(i, end);
            Long b = num(i, busy);
            String cls = i.message().props.stream().filter(p -> p.tag >>> 16 == PR_MESSAGE_CLASS_ID).map(p -> p.s)
                    .findFirst().orElse("");
            FreeBusy.Type type = FreeBusy.Type.ofBusyStatus(b == null ? 2 : b.intValue());
            if (!cls.startsWith("IPM.Appointment") || s == null || e == null || type == null) continue;
            Instant is = Instant.ofEpochMilli(s);
            Instant ie = Instant.ofEpochMilli(e);
            if (!is.isBefore(to) || !ie.isAfter(from)) continue;
            periods.add(new FreeBusy.Period(is.isBefore(from) ? from : is, ie.isAfter(to) ? to : ie, type));
        }
        return FreeBusy.merge(periods).stream().map(FreeBusy.Period::busy).toList();
    }

    @Override
    public Scheduled deliver(long userId, String calendar, String from) {
        throw new UnsupportedOperationException("delivery is the mail flow's");
    }

    @Override
    public List<org.zcp.store.api.mapi.PropValue> mailProps(String calendar) {
        throw new UnsupportedOperationException("delivery is the mail flow's");
    }

    private static Long num(Item i, int tag) {
        for (PropValue p : i.message().props) if (p.tag == tag) return p.l;
        return null;
    }
}
