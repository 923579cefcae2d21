package org.zcp.caldav.fake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.zcp.caldav.DavService;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.resource.Store;
import org.zcp.ical.ItemKind;
import org.zcp.store.api.FolderItems.Expect;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.NamedProp;
import org.zcp.store.api.mapi.PropValue;

/**
 * The DAV service over the fakes, with a user alice (password "secret", alice@example.com) whose
 * store has Calendar, Tasks, Contacts and an Inbox, and bob, who has no business in alice's home;
 * hal is hidden from the global address book, which has a group "sales" too.
 */
public final class FakeServer {
    public final FakeWebLogons logons = new FakeWebLogons().user("alice", "secret", "Alice Adams", "alice@example.com")
            .user("bob", "pw", "Bob", "bob@example.com").user("hal", "9000", "Hal", "hal@example.com");
    public final FakeFolderTree tree = new FakeFolderTree(logons);
    public final FakeFolderItems items = new FakeFolderItems(logons, tree);
    public final FakeFolderMessages messages = new FakeFolderMessages(logons, tree, items);
    public final FakeCalendars calendars = new FakeCalendars(logons, tree, items);
    public final FakeScheduling scheduling = new FakeScheduling(logons);
    public final FakeAddressBook addressBook = new FakeAddressBook(logons).hide("hal").group("sales", "Sales Team",
            "sales@example.com");
    public final MutableClock clock = new MutableClock();
    public final DavService service = new DavService(new Store(logons, tree, items, messages, calendars, scheduling,
            addressBook),
            new FakeCodecs(), clock);
    public final long calendar = tree.add(FakeFolderTree.ROOT, "Calendar", "IPF.Appointment");
    public final long tasks = tree.add(FakeFolderTree.ROOT, "Tasks", "IPF.Task");
    public final long contacts = tree.add(FakeFolderTree.ROOT, "Contacts", "IPF.Contact");
    public final long inbox = tree.add(FakeFolderTree.ROOT, "Inbox", "IPF.Note");

    /** A clock tests move forward. */
    public static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request as alice. */
    public DavResponse send(String method, String path, String body, String... headers) {
        List<String> h = new ArrayList<>(List.of(headers));
        h.add("Authorization");
        h.add(basic("alice", "secret"));
        return service.handle(DavRequest.of(method, path, body, h.toArray(String[]::new)));
    }

    /** An appointment as Outlook stores it (start, end, busy status: what free/busy reads), straight into a folder. */
    public void appointment(long folderId, String start, String end, int busyStatus) {
        String s = logons.logon("alice", "secret", "test", "test").session();
        String appt = "00062002-0000-0000-C000-000000000046";
        List<Integer> ids = items.propIds(s, List.of(NamedProp.ofId(appt, 0x820D), NamedProp.ofId(appt, 0x820E),
                NamedProp.ofId(appt, 0x8205)));
        Message m = FakeCodecs.message(ItemKind.EVENT, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        m.props.add(PropValue.ofTime(ids.get(0) << 16 | 0x40, Instant.parse(start).toEpochMilli()));
        m.props.add(PropValue.ofTime(ids.get(1) << 16 | 0x40, Instant.parse(end).toEpochMilli()));
        m.props.add(PropValue.ofLong(ids.get(2) << 16 | 0x03, busyStatus));
        items.put(s, folderId, UUID.randomUUID() + ".ics", m, Expect.absent());
        logons.logoff(s);
    }

    /** An item stored directly (as Outlook would have made it). */
    public long store(long folderId, String name, ItemKind kind, String text) {
        String s = logons.logon("alice", "secret", "test", "test").session();
        long seq = items.put(s, folderId, name, FakeCodecs.message(kind, text), Expect.any()).modSeq();
        logons.logoff(s);
        return seq;
    }
}
