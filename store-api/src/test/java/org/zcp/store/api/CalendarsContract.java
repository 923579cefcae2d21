package org.zcp.store.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zcp.store.api.Calendars.Busy;
import org.zcp.store.api.Calendars.BusyType;
import org.zcp.store.api.FolderItems.Expect;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.NamedProp;
import org.zcp.store.api.mapi.PropValue;

/**
 * What every {@link Calendars} must answer about free/busy (docs/calendar.md): CalDAV's
 * free-busy-query relies on it, and war-caldav's fake is held to it too. Events are written as
 * Outlook writes them (MAPI properties, no iCalendar text), through the item API.
 */
public abstract class CalendarsContract {
    static final int PR_MESSAGE_CLASS = 0x001A001F;
    static final int PR_SUBJECT = 0x0037001F;
    static final String PSETID_APPOINTMENT = "00062002-0000-0000-C000-000000000046";
    static final NamedProp START = NamedProp.ofId(PSETID_APPOINTMENT, 0x820D);
    static final NamedProp END = NamedProp.ofId(PSETID_APPOINTMENT, 0x820E);
    static final NamedProp BUSY_STATUS = NamedProp.ofId(PSETID_APPOINTMENT, 0x8205);
    static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");

    protected Calendars calendars;
    protected FolderItems items;
    protected String session;
    protected long folder;

    protected abstract Calendars calendars();

    protected abstract FolderItems items();

    /** A session of a user who owns the folders {@link #newFolder} makes. */
    protected abstract String session();

    /** A session of another user of the same company, with no rights on those folders. */
    protected abstract String otherSession();

    /** A new, empty calendar folder of the first user's store. */
    protected abstract long newFolder();

    @BeforeEach
    public void open() {
        calendars = calendars();
        items = items();
        session = session();
        folder = newFolder();
    }

    /** An appointment as Outlook stores it: class, start, end and busy status (0 free .. 3 out of office). */
    protected void event(String start, String end, int busyStatus) {
        List<Integer> ids = items.propIds(session, List.of(START, END, BUSY_STATUS));
        Message m = new Message();
        m.props = new ArrayList<>(List.of(PropValue.ofString(PR_MESSAGE_CLASS, "IPM.Appointment"),
                PropValue.ofString(PR_SUBJECT, "Private matter"),
                PropValue.ofTime(ids.get(0) << 16 | 0x0040, Instant.parse(start).toEpochMilli()),
                PropValue.ofTime(ids.get(1) << 16 | 0x0040, Instant.parse(end).toEpochMilli()),
                PropValue.ofLong(ids.get(2) << 16 | 0x0003, busyStatus)));
        items.put(session, folder, UUID.randomUUID() + ".ics", m, Expect.absent());
    }

    private List<Busy> day() {
        return calendars.freeBusy(session, folder, DAY, DAY.plusSeconds(86_400));
    }

    @Test
    public void busyTimeIsTheOpaqueEventsWithinTheRange() {
        event("2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z", 2);
        event("2026-03-10T12:00:00Z", "2026-03-10T13:00:00Z", 0);
        event("2026-04-10T10:00:00Z", "2026-04-10T11:00:00Z", 2);

        assertThat(day()).containsExactly(new Busy(Instant.parse("2026-03-10T10:00:00Z"),
                Instant.parse("2026-03-10T11:00:00Z"), BusyType.BUSY));
    }

    @Test
    public void tentativeAndOutOfOfficeKeepTheirType() {
        event("2026-03-10T08:00:00Z", "2026-03-10T09:00:00Z", 1);
        event("2026-03-10T14:00:00Z", "2026-03-10T15:00:00Z", 3);

        assertThat(day()).extracting(Busy::type).containsExactly(BusyType.TENTATIVE, BusyType.OUT_OF_OFFICE);
    }

    @Test
    public void overlappingBusyEventsAreOnePeriodClippedToTheRange() {
        event("2026-03-09T23:00:00Z", "2026-03-10T01:00:00Z", 2);
        event("2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z", 2);
        event("2026-03-10T10:30:00Z", "2026-03-10T12:00:00Z", 2);

        assertThat(day()).containsExactly(
                new Busy(DAY, Instant.parse("2026-03-10T01:00:00Z"), BusyType.BUSY),
                new Busy(Instant.parse("2026-03-10T10:00:00Z"), Instant.parse("2026-03-10T12:00:00Z"), BusyType.BUSY));
    }

    @Test
    public void aRangeThatEndsBeforeItStartsOrSpansYearsIsInvalid() {
        assertThatThrownBy(() -> calendars.freeBusy(session, folder, DAY, DAY.minusSeconds(1)))
                .satisfies(e -> assertThat(StoreFailure.in(e).kind()).isEqualTo(StoreFailure.Kind.INVALID));
        assertThatThrownBy(() -> calendars.freeBusy(session, folder, DAY, DAY.plusSeconds(86_400L * 365 * 5)))
                .satisfies(e -> assertThat(StoreFailure.in(e).kind()).isEqualTo(StoreFailure.Kind.INVALID));
    }

    @Test
    public void anotherUserWithoutRightsOnTheFolderGetsNoAccess() {
        event("2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z", 2);

        assertThatThrownBy(() -> calendars.freeBusy(otherSession(), folder, DAY, DAY.plusSeconds(86_400)))
                .satisfies(e -> assertThat(StoreFailure.in(e).kind()).isEqualTo(StoreFailure.Kind.NO_ACCESS));
    }

    @Test
    public void anUnknownUserHasNoFreeBusy() {
        assertThat(calendars.freeBusyOf(session, "nobody-" + UUID.randomUUID(), DAY, DAY.plusSeconds(86_400)))
                .isEmpty();
        assertThat(calendars.freeBusyOf(session, "someone@" + UUID.randomUUID() + ".example", DAY,
                DAY.plusSeconds(86_400))).isEmpty();
    }
}
