package org.zcp.webaccess.calendar;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;
import org.zcp.api.mapi.PropTag;
import org.zcp.ical.CalendarEvents;
import org.zcp.ical.EventData;
import org.zcp.ical.ICalException;
import org.zcp.ical.ICalItems;
import org.zcp.ical.ImplicitScheduling;
import org.zcp.ical.ImplicitScheduling.Outgoing;
import org.zcp.ical.ItemKind;
import org.zcp.ical.Itip.PartStat;
import org.zcp.ical.NamedIds;
import org.zcp.ical.Parsed;
import org.zcp.ical.Reminders;
import org.zcp.store.api.Calendars;
import org.zcp.store.api.FolderInfo;
import org.zcp.store.api.FolderItems;
import org.zcp.store.api.FolderItems.Expect;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.FolderTree;
import org.zcp.store.api.FolderTree.Hierarchy;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.Scheduling;
import org.zcp.store.api.StoreFailure;
import org.zcp.store.api.mapi.Row;
import org.zcp.store.api.mapi.TableQuery;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.Props;
import org.zcp.webaccess.calendar.CalendarJson.Calendar;
import org.zcp.webaccess.calendar.CalendarJson.Event;
import org.zcp.webaccess.calendar.CalendarJson.Instance;
import org.zcp.webaccess.calendar.CalendarJson.Ref;
import org.zcp.webaccess.calendar.CalendarJson.Rights;
import org.zcp.webaccess.items.ItemFolders;
import org.zcp.webaccess.session.WebSession;
import org.zcp.webaccess.settings.SettingsResource;

/**
 * The web client's calendars on the store API: calendar folders ({@link FolderTree}), their items
 * ({@link FolderItems}) read and written as iCalendar through the ical library
 * ({@link CalendarEvents}, {@link ICalItems}), meetings scheduled as CalDAV schedules them
 * ({@link ImplicitScheduling} through {@link Scheduling}), free/busy ({@link Calendars}).
 */
@ApplicationScoped
public class CalendarService {
    /** MAPI's rights (org.zcp.api.mapi.Rights; the JSON's {@link Rights} are the client's view of them). */
    private interface R {
        int READ_ANY = org.zcp.api.mapi.Rights.READ_ANY;
        int CREATE = org.zcp.api.mapi.Rights.CREATE;
        int EDIT_OWNED = org.zcp.api.mapi.Rights.EDIT_OWNED;
        int EDIT_ANY = org.zcp.api.mapi.Rights.EDIT_ANY;
        int DELETE_OWNED = org.zcp.api.mapi.Rights.DELETE_OWNED;
        int DELETE_ANY = org.zcp.api.mapi.Rights.DELETE_ANY;
    }

    private static final Logger LOG = Logger.getLogger(CalendarService.class.getName());
    /** The longest range one request expands (a year and a month: the year view and its margins). */
    static final long MAX_RANGE_DAYS = 400;

    @Inject
    ItemFolders folders;
    @EJB
    FolderTree tree;
    @EJB
    FolderItems items;
    @EJB
    MapiObjects mapi;
    @EJB
    Scheduling scheduling;
    @EJB
    Calendars calendars;
    @EJB
    org.zcp.store.api.WebLogons logons;

    NamedIds ids(String session) {
        return folders.ids(session);
    }

    static ZoneId serverZone() {
        return ItemFolders.serverZone();
    }

    // ---- calendars ---------------------------------------------------------------------------

    List<Calendar> list(WebSession ws) {
        String session = ws.storeSession();
        List<Calendar> out = new ArrayList<>();
        for (ItemFolders.Folder f : folders.own(session, ItemKind.EVENT)) {
            out.add(new Calendar(f.id(), f.folderId(), f.name(), ws.login(), ws.fullName(), true, f.isDefault(), Rights.ALL));
        }
        for (String key : SettingsResource.stored(mapi, session).openCalendars()) {
            int slash = key.lastIndexOf('/');
            Calendar c = shared(ws, key.substring(0, slash), Long.parseLong(key.substring(slash + 1)));
            if (c != null) out.add(c);
        }
        return out;
    }

    /** Opens another user's default calendar (kept in the settings); 404 / 403 as the doc says. */
    Calendar open(WebSession ws, String user) {
        String session = ws.storeSession();
        if (user == null || user.isBlank() || user.length() > 256) throw ApiException.invalid("a user name or e-mail address");
        Hierarchy h;
        try {
            h = tree.foldersOf(session, user.strip());
        } catch (RuntimeException e) {
            StoreFailure f = StoreFailure.in(e);
            if (f != null && f.kind() == StoreFailure.Kind.NOT_FOUND) throw new ApiException(404, "not-found", "no user " + user.strip());
            throw e;
        }
        if (h == null) throw new ApiException(404, "not-found", "no user " + user.strip() + " with a store");
        String id = ItemFolders.defaultOf(h, ItemKind.EVENT);
        if (id == null) throw new ApiException(403, "access", user.strip() + " has shared no calendar with you");
        Calendar c = shared(ws, user.strip(), Long.parseLong(id));
        if (c == null) throw new ApiException(403, "access", user.strip() + " has shared no calendar with you");
        if (c.owner().equalsIgnoreCase(ws.login())) throw ApiException.invalid("that is your own calendar");
        var s = SettingsResource.stored(mapi, session);
        List<String> open = new ArrayList<>(s.openCalendars());
        String key = c.owner() + "/" + c.id();
        if (!open.contains(key)) {
            open.add(key);
            SettingsResource.save(mapi, session, SettingsResource.withCalendars(s, open));
        }
        return c;
    }

    void close(WebSession ws, String id) {
        String session = ws.storeSession();
        var s = SettingsResource.stored(mapi, session);
        List<String> open = new ArrayList<>(s.openCalendars());
        if (open.removeIf(k -> k.endsWith("/" + id))) {
            SettingsResource.save(mapi, session, SettingsResource.withCalendars(s, open));
        }
    }

    /** Another user's calendar folder as the session sees it; null when it is gone or hidden. */
    private Calendar shared(WebSession ws, String owner, long folderId) {
        String session = ws.storeSession();
        Hierarchy h;
        try {
            h = tree.foldersOf(session, owner);
        } catch (RuntimeException e) {
            if (StoreFailure.in(e) == null) throw e;
            return null;
        }
        if (h == null) return null;
        for (FolderInfo f : h.folders()) {
            if (f.id() != folderId) continue;
            String entry = entryId(session, f.id());
            org.zcp.store.api.WebLogons.Who who = logons.user(session, owner);
            String ownerName = who == null || who.fullName() == null || who.fullName().isBlank() ? owner : who.fullName();
            return new Calendar(Long.toString(f.id()), entry, f.name(), owner, ownerName, false, false, rights(session, entry));
        }
        return null;
    }

    /** The session's rights on a folder of another store: its row's PR_RIGHTS in its parent's hierarchy. */
    private Rights rights(String session, String folderEntry) {
        try {
            String parent = Props.hex(mapi.props(session, folderEntry, List.of(PropTag.PR_PARENT_ENTRYID)),
                    PropTag.PR_PARENT_ENTRYID);
            TableQuery q = new TableQuery();
            q.columns = new ArrayList<>(List.of(PropTag.PR_ENTRYID, PropTag.PR_RIGHTS));
            for (Row r : mapi.hierarchy(session, parent, q).rows) {
                if (!folderEntry.equalsIgnoreCase(Props.hex(r.props, PropTag.PR_ENTRYID))) continue;
                long v = Props.number(r.props, PropTag.PR_RIGHTS, R.READ_ANY);
                return new Rights((v & R.READ_ANY) != 0, (v & R.CREATE) != 0,
                        (v & (R.EDIT_ANY | R.EDIT_OWNED)) != 0, (v & (R.DELETE_ANY | R.DELETE_OWNED)) != 0);
            }
        } catch (RuntimeException e) {
            if (StoreFailure.in(e) == null) throw e;
        }
        return new Rights(true, false, false, false);
    }

    String entryId(String session, long folderId) {
        return folders.entryId(session, folderId);
    }

    /** The default calendar's folder id of the session's own store; null when it has none. */
    Long ownDefault(String session) {
        return folders.ownDefault(session, ItemKind.EVENT);
    }

    // ---- events ------------------------------------------------------------------------------

    List<Instance> events(WebSession ws, long folder, Instant from, Instant to) {
        String session = ws.storeSession();
        NamedIds ids = ids(session);
        ZoneId zone = serverZone();
        List<Item> peeked;
        try {
            peeked = items.peek(session, folder, ICalItems.queryTags(ids));
        } catch (RuntimeException e) {
            StoreFailure f = StoreFailure.in(e);
            if (f != null && f.kind() == StoreFailure.Kind.NO_ACCESS) return busyOnly(session, folder, from, to);
            throw e;
        }
        List<String> names = new ArrayList<>();
        for (Item p : peeked) {
            boolean hit = ICalItems.isRecurring(p.message(), ids) ? ICalItems.mayRecurIn(p.message(), ids, from, to)
                    : ICalItems.overlaps(p.message(), ids, from, to, zone);
            if (hit) names.add(p.ref().name());
        }
        boolean mine = isOwn(session, folder);
        List<Instance> out = new ArrayList<>();
        for (Item it : folders.fetch(session, folder, names)) {
            try {
                String text = ICalItems.render(it.message(), ids, zone);
                Reminders.State reminded = mine ? Reminders.state(text) : Reminders.State.NONE;
                for (EventData e : CalendarEvents.instances(text, from, to, zone)) {
                    out.add(EventForms.instance(e, it.ref().name(), it.ref().modSeq(), ws.email(), !mine, reminded));
                }
            } catch (ICalException e) {
                LOG.fine("item " + it.ref().name() + " of folder " + folder + " not shown: " + e.getMessage());
            }
        }
        out.sort(java.util.Comparator.comparing(Instance::start));
        return out;
    }

    /** A calendar the session may only see the free/busy times of: its busy periods, nothing else. */
    private List<Instance> busyOnly(String session, long folder, Instant from, Instant to) {
        List<Instance> out = new ArrayList<>();
        for (Calendars.Busy b : calendars.freeBusy(session, folder, from, to)) {
            String type = switch (b.type()) {
                case TENTATIVE -> "tentative";
                case OUT_OF_OFFICE -> "oof";
                case BUSY -> "busy";
            };
            out.add(new Instance("busy-" + b.start().toEpochMilli(), null, null, null, null, null, b.start().toString(),
                    b.end().toString(), false, type, false, false, null, null, null, null, null, false, false, true));
        }
        return out;
    }

    private boolean isOwn(String session, long folder) {
        return folders.isOwn(session, folder);
    }

    Event event(WebSession ws, long folder, String name) {
        Item it = item(ws.storeSession(), folder, name);
        String text = ICalItems.render(it.message(), ids(ws.storeSession()), serverZone());
        return EventForms.event(CalendarEvents.master(text, serverZone()), name, it.ref().modSeq(), ws.email());
    }

    Ref create(WebSession ws, long folder, Event in) {
        String session = ws.storeSession();
        String uid = UUID.randomUUID() + "@" + domain(ws.email());
        EventData e = EventForms.data(in, uid, null, ws.email(), ws.fullName(), userZone(ws));
        String text = CalendarEvents.create(e, Instant.now());
        String name = UUID.randomUUID() + ".ics";
        var ref = items.put(session, folder, name, parse(session, text), Expect.absent());
        schedule(ws, folder, null, rendered(session, folder, name));
        return new Ref(name, Long.toString(ref.modSeq()));
    }

    Ref update(WebSession ws, long folder, String name, String occurrence, Event in, String ifMatch) {
        String session = ws.storeSession();
        Item it = item(session, folder, name);
        checkMatch(it, ifMatch);
        ZoneId zone = serverZone();
        String before = ICalItems.render(it.message(), ids(session), zone);
        EventData was = CalendarEvents.master(before, zone);
        EventData e = EventForms.data(in, was.uid(), was, ws.email(), ws.fullName(), userZone(ws));
        Instant now = Instant.now();
        String after;
        try {
            after = occurrence == null ? CalendarEvents.update(before, e, now, zone)
                    : CalendarEvents.updateOccurrence(before, EventForms.bound(occurrence, "occurrence"), e, now, zone);
        } catch (ICalException x) {
            throw ApiException.invalid(x.getMessage());
        }
        var ref = items.put(session, folder, name, parse(session, after), Expect.at(it.ref().modSeq()));
        schedule(ws, folder, before, rendered(session, folder, name));
        return new Ref(name, Long.toString(ref.modSeq()));
    }

    void delete(WebSession ws, long folder, String name, String occurrence, String ifMatch) {
        String session = ws.storeSession();
        Item it = item(session, folder, name);
        checkMatch(it, ifMatch);
        ZoneId zone = serverZone();
        String before = ICalItems.render(it.message(), ids(session), zone);
        if (occurrence != null) {
            String after;
            try {
                after = CalendarEvents.removeOccurrence(before, EventForms.bound(occurrence, "occurrence"), Instant.now(), zone);
            } catch (ICalException x) {
                throw ApiException.invalid(x.getMessage());
            }
            items.put(session, folder, name, parse(session, after), Expect.at(it.ref().modSeq()));
            schedule(ws, folder, before, rendered(session, folder, name));
            return;
        }
        items.delete(session, folder, name, Expect.at(it.ref().modSeq()));
        if (isOwn(session, folder)) {
            send(ws, ImplicitScheduling.afterDelete(before, ws.email(), ws.fullName(), Instant.now()));
        }
    }

    /**
     * A reminder dismissed or snoozed (docs/webaccess.md, "Reminders"): acknowledged in the item
     * (RFC 9074, {@link Reminders}) so the user's other devices and clients see it; no iTIP, a
     * reminder is the user's own. A change made meanwhile by someone else is read again and the
     * acknowledgement written on it (a few tries), so no edit is lost and none is needed by the caller.
     */
    Ref reminder(WebSession ws, long folder, String name, CalendarJson.ReminderAction in) {
        String session = ws.storeSession();
        String action = in == null || in.action() == null ? "" : in.action();
        Integer minutes = in == null ? null : in.minutes();
        if (!action.equals("dismiss") && !action.equals("snooze")) throw ApiException.invalid("action is dismiss or snooze");
        if (action.equals("snooze") && (minutes == null || minutes < 1 || minutes > 7 * 24 * 60)) {
            throw ApiException.invalid("minutes: a snooze of 1 to 10080 minutes");
        }
        ZoneId zone = serverZone();
        for (int attempt = 1; ; attempt++) {
            Item it = item(session, folder, name);
            String before = ICalItems.render(it.message(), ids(session), zone);
            Instant now = Instant.now();
            String after;
            try {
                after = action.equals("dismiss") ? Reminders.dismiss(before, now)
                        : Reminders.snooze(before, now, now.plusSeconds(60L * minutes));
            } catch (ICalException x) {
                throw ApiException.invalid(x.getMessage());
            }
            try {
                var ref = items.put(session, folder, name, parse(session, after), Expect.at(it.ref().modSeq()));
                return new Ref(name, Long.toString(ref.modSeq()));
            } catch (RuntimeException e) {
                StoreFailure f = StoreFailure.in(e);
                if (f == null || f.kind() != StoreFailure.Kind.CONFLICT || attempt == 3) throw e;
            }
        }
    }

    /** An attendee's answer: set in their copy and sent to the organizer; a declined meeting leaves the calendar. */
    void respond(WebSession ws, long folder, String name, String answer, String comment) {
        respond(ws, folder, name, new CalendarJson.Answer(answer, comment, null, null));
    }

    /**
     * An attendee's answer; with a proposed time it goes to the organizer as a proposal (iTIP
     * COUNTER, tentative or declined), the attendee's copy keeping the time it has.
     */
    void respond(WebSession ws, long folder, String name, CalendarJson.Answer in) {
        String answer = in.answer();
        String comment = in.comment();
        String session = ws.storeSession();
        PartStat ps = switch (answer == null ? "" : answer) {
            case "accepted" -> PartStat.ACCEPTED;
            case "tentative" -> PartStat.TENTATIVE;
            case "declined" -> PartStat.DECLINED;
            default -> throw ApiException.invalid("an answer is accepted, tentative or declined");
        };
        if (comment != null && comment.length() > 2000) throw ApiException.invalid("a comment of at most 2,000 characters");
        if (ws.email() == null) throw ApiException.invalid("you have no e-mail address to answer from");
        Item it = item(session, folder, name);
        ZoneId zone = serverZone();
        String before = ICalItems.render(it.message(), ids(session), zone);
        EventData e = CalendarEvents.master(before, zone);
        String mine = EventForms.myResponse(e, ws.email());
        if (mine == null || mine.equals("organizer")) {
            throw ApiException.invalid("you are not invited to this meeting");
        }
        Instant now = Instant.now();
        boolean proposal = in.proposedStart() != null || in.proposedEnd() != null;
        if (proposal && ps == PartStat.ACCEPTED) throw ApiException.invalid("a new time is proposed with a tentative answer or a decline");
        String after = CalendarEvents.answer(before, ws.email(), ps, now);
        Outgoing reply = !proposal ? ImplicitScheduling.answer(after, ws.email(), ws.fullName(), ps, comment, now)
                : ItemFolders.convert(() -> ImplicitScheduling.counter(after, ws.email(), ws.fullName(), ps,
                        EventForms.bound(in.proposedStart(), "proposedStart"), EventForms.bound(in.proposedEnd(), "proposedEnd"),
                        comment, now));
        if (ps == PartStat.DECLINED) items.delete(session, folder, name, Expect.at(it.ref().modSeq()));
        else items.put(session, folder, name, parse(session, after), Expect.at(it.ref().modSeq()));
        send(ws, List.of(reply));
    }

    /** The names of the items of a folder that hold a meeting of this UID. */
    List<String> namesWithUid(String session, long folder, String uid) {
        return items.namesWith(session, folder, ICalItems.UID_PROPERTY, uid);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Item item(String session, long folder, String name) {
        return folders.item(session, folder, name);
    }

    private static void checkMatch(Item it, String ifMatch) {
        ItemFolders.checkMatch(it, ifMatch);
    }

    private org.zcp.store.api.mapi.Message parse(String session, String text) {
        try {
            Parsed p = ICalItems.parse(text, ids(session), serverZone());
            return p.message();
        } catch (ICalException e) {
            throw ApiException.invalid(e.getMessage());
        }
    }

    /** The item as the store keeps it now, as iCalendar (what the attendees are sent). */
    private String rendered(String session, long folder, String name) {
        return ICalItems.render(item(session, folder, name).message(), ids(session), serverZone());
    }

    /** Implicit scheduling of a change in the user's own calendars (a shared one is its owner's business). */
    private void schedule(WebSession ws, long folder, String before, String after) {
        if (!isOwn(ws.storeSession(), folder) || after == null || !after.contains("ATTENDEE")) return;
        send(ws, ImplicitScheduling.afterPut(before, after, ws.email(), ws.fullName(), Instant.now()));
    }

    private void send(WebSession ws, List<Outgoing> out) {
        for (Outgoing o : out) {
            try {
                scheduling.send(ws.storeSession(), o.itip(), o.to());
            } catch (RuntimeException e) {
                StoreFailure f = StoreFailure.in(e);
                if (f == null || f.kind() == StoreFailure.Kind.SESSION_ENDED) throw e;
                LOG.warning("scheduling message of " + ws.login() + " to " + o.to() + " not sent: " + f.getMessage());
            }
        }
    }

    private ZoneId userZone(WebSession ws) {
        return EventForms.zone(SettingsResource.stored(mapi, ws.storeSession()).timezone(), serverZone());
    }

    private static String domain(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 0 ? "zcp.local" : email.substring(at + 1);
    }
}
