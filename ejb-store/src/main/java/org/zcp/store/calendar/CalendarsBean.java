package org.zcp.store.calendar;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.ical.FreeBusy;
import org.zcp.ical.ICalException;
import org.zcp.ical.Itip;
import org.zcp.store.StoreException;
import org.zcp.store.api.Calendars;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.Access;
import org.zcp.store.mapi.LocalFreebusy;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.store.mapi.StoreManager;
import org.zcp.store.session.Session;
import org.zcp.store.session.SessionManager;

/**
 * Free/busy and the scheduling messages of delivery (docs/calendar.md): the item API's code under
 * a session of the mail flow ({@link CalendarItems}), the conversions of the ical module, and the
 * booking rules of manual 8.8 ({@link Booking}).
 */
@Stateless
public class CalendarsBean implements Calendars {
    private static final Logger LOG = Logger.getLogger(CalendarsBean.class.getName());

    @Inject
    SessionManager sessions;

    @Inject
    Directory directory;

    @Inject
    StoreManager stores;

    @Inject
    ObjectStore objects;

    @Inject
    Access access;

    @Inject
    LocalFreebusy localFreebusy;

    @Inject
    CalendarItems items;

    @Inject
    org.zcp.store.mapi.NamedProperties namedProperties;

    @Override
    public List<Busy> freeBusy(String session, long folderId, Instant from, Instant to) {
        Session s = sessions.require(session);
        checkRange(from, to);
        HierarchyObject f = objects.liveFolder(folderId);
        if (!mayKnowFreeBusy(s, f)) {
            throw new StoreException(MapiError.MAPI_E_NO_ACCESS, "no right to see the free/busy time of this calendar");
        }
        return busy(folderId, from, to);
    }

    @Override
    public Optional<List<Busy>> freeBusyOf(String session, String user, Instant from, Instant to) {
        Session s = sessions.require(session);
        checkRange(from, to);
        Optional<DirEntry> u = directory.visibleUser(s, user);
        if (u.isEmpty()) return Optional.empty();
        Optional<StoreEntity> store = stores.privateStoreOf(u.get().id());
        if (store.isEmpty()) return Optional.empty();
        Long calendar = defaultCalendar(store.get());
        if (calendar == null) return Optional.of(List.of());
        return Optional.of(busy(calendar, from, to));
    }

    /**
     * Reading the folder, or a free/busy right on it, or (as the original published every user's
     * free/busy in the public store for everyone) the owner's default calendar seen by a user of
     * a company that sees the owner's.
     */
    private boolean mayKnowFreeBusy(Session s, HierarchyObject f) {
        int rights = access.rights(s, f.id);
        if ((rights & (Rights.READ_ANY | Rights.FREEBUSY_SIMPLE | Rights.FREEBUSY_DETAILED)) != 0) return true;
        StoreEntity store = objects.store(f.storeId);
        if (store.type != StoreEntity.PRIVATE) return false;
        Long calendar = defaultCalendar(store);
        if (calendar == null || calendar != f.id) return false;
        return directory.get(store.userId).map(owner -> directory.canSeeCompany(s, owner.companyId())).orElse(false);
    }

    /** A year and a bit at most per question, as Exchange limits free/busy requests. */
    static final long MAX_RANGE_DAYS = 366 * 2;

    private static void checkRange(Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from)) throw StoreException.invalid("the range ends before it starts");
        if (java.time.Duration.between(from, to).toDays() > MAX_RANGE_DAYS) {
            throw StoreException.invalid("free/busy is given for at most " + MAX_RANGE_DAYS + " days at a time");
        }
    }

    private List<Busy> busy(long folderId, Instant from, Instant to) {
        List<FreeBusy.Period> periods;
        try (CalendarItems.Scope c = items.open(ZoneId.systemDefault())) {
            periods = FreeBusy.merge(c.busy(folderId, from, to, null));
        }
        return periods.stream().map(FreeBusy.Period::busy).toList();
    }

    /** The store's default Calendar folder (PR_IPM_APPOINTMENT_ENTRYID), or null. */
    Long defaultCalendar(StoreEntity store) {
        return stores.specialFolder(store, PropTag.PR_IPM_APPOINTMENT_ENTRYID);
    }

    // ---- delivery --------------------------------------------------------------------------------

    /**
     * In a transaction of its own: a calendar that cannot be updated never costs the mail (manual
     * 8.8: "if zarafa-mr-accept fails, delivery processing is done as usual"). A delivery that
     * fails after this has run is retried by the MTA and finds the calendar as this left it.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Scheduled deliver(long userId, String calendar, String from) {
        ZoneId zone = ZoneId.systemDefault();
        Itip.Message m;
        try {
            m = Itip.read(calendar, zone);
        } catch (ICalException e) {
            return Scheduled.none("not a scheduling message: " + e.getMessage());
        }
        DirEntry user = directory.require(userId);
        StoreEntity store = stores.privateStoreOf(userId).orElse(null);
        if (store == null) return Scheduled.none(directory.loginName(user) + " has no store");
        Long folder = defaultCalendar(store);
        if (folder == null) return Scheduled.none(directory.loginName(user) + " has no calendar");
        Long trash = stores.specialFolder(store, PropTag.PR_IPM_WASTEBASKET_ENTRYID);
        Scheduled done;
        try (CalendarItems.Scope c = items.open(zone)) {
            Booking booking = new Booking(c, user, folder, trash == null ? null : objects.entryId(store.id, trash),
                    localFreebusy.autoAccept(store));
            done = switch (m.method()) {
                case REQUEST -> booking.request(m, calendar);
                case REPLY -> booking.reply(m, from);
                case CANCEL -> booking.cancel(m, calendar, from);
                default -> new Scheduled(Outcome.NONE, "METHOD " + m.method() + " is delivered as mail only",
                        Itip.messageClass(m), null, null, null);
            };
        } catch (ICalException e) {
            return Scheduled.none("the meeting cannot be converted: " + e.getMessage());
        }
        LOG.info("meeting " + m.uid() + " (" + m.method() + ") for " + directory.loginName(user) + ": "
                + done.outcome() + (done.note() == null ? "" : ", " + done.note()));
        return done;
    }

    @Override
    public List<org.zcp.store.api.mapi.PropValue> mailProps(String calendar) {
        try {
            return Itip.mailProps(calendar, name -> namedProperties.ids(List.of(name), true).get(0),
                    ZoneId.systemDefault());
        } catch (ICalException e) {
            return List.of();
        }
    }
}
