package org.zcp.store.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zcp.store.api.FolderItems.Expect;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.FolderItems.ItemChanges;
import org.zcp.store.api.FolderItems.ItemRef;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.NamedProp;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Recipient;

/**
 * What every {@link FolderItems} must do (docs/calendar.md, "The item API"): CalDAV and CardDAV
 * rely on exactly this, and the in-memory fake their tests use (war-caldav's FakeFolderItems) is held to it
 * too. A subclass supplies the implementation, a session and a new empty folder per test; tests
 * and hooks are public so a subclass in another package (itests) runs them in the server.
 */
public abstract class FolderItemsContract {
    static final int PR_SUBJECT = 0x0037001F;
    static final int PR_MESSAGE_CLASS = 0x001A001F;
    static final int PR_BODY = 0x1000001F;
    static final int PR_DISPLAY_NAME = 0x3001001F;
    static final int PR_EMAIL_ADDRESS = 0x3003001F;
    static final int PR_RECIPIENT_TYPE = 0x0C150003;
    static final int PR_ATTACH_FILENAME = 0x3704001F;
    static final int PR_ATTACH_METHOD = 0x37050003;
    static final String PS_PUBLIC_STRINGS = "00020329-0000-0000-C000-000000000046";

    protected FolderItems items;
    protected String session;
    protected long folder;

    /** The implementation under test. */
    protected abstract FolderItems items();

    /** A session of a user who owns the folders {@link #newFolder} makes. */
    protected abstract String session();

    /** A new, empty folder of that user's store. */
    protected abstract long newFolder();

    @BeforeEach
    public void open() {
        items = items();
        session = session();
        folder = newFolder();
    }

    protected static Message event(String subject) {
        Message m = new Message();
        m.props = new ArrayList<>(List.of(PropValue.ofString(PR_MESSAGE_CLASS, "IPM.Appointment"),
                PropValue.ofString(PR_SUBJECT, subject)));
        return m;
    }

    private static String subject(Item i) {
        return i.message().props.stream().filter(p -> p.tag == PR_SUBJECT).map(p -> p.s).findFirst().orElse(null);
    }

    private Item one(String name) {
        List<Item> got = items.get(session, folder, List.of(name));
        assertThat(got).hasSize(1);
        return got.get(0);
    }

    @Test
    public void aNewItemIsListedAndReadByTheNameItWasPutUnder() {
        ItemRef r = items.put(session, folder, "a1b2-c3.ics", event("Team meeting"), Expect.absent());
        assertThat(r.name()).isEqualTo("a1b2-c3.ics");
        assertThat(r.modSeq()).isPositive();
        assertThat(items.list(session, folder)).containsExactly(r);
        Item i = one("a1b2-c3.ics");
        assertThat(i.ref()).isEqualTo(r);
        assertThat(subject(i)).isEqualTo("Team meeting");
        assertThat(items.get(session, folder, List.of("nothing.ics"))).isEmpty();
    }

    @Test
    public void namesAreKeptAsGivenWithOddCharacters() {
        String name = "Ünïcode name @ 2024+x=y~.ics";
        items.put(session, folder, name, event("odd"), Expect.any());
        assertThat(items.list(session, folder)).extracting(ItemRef::name).containsExactly(name);
        assertThat(subject(one(name))).isEqualTo("odd");
    }

    @Test
    public void namesThatAreNoPathSegmentAreRefused() {
        for (String bad : List.of("", "a/b.ics", "..", "tab\there")) {
            assertThatThrownBy(() -> items.put(session, folder, bad, event("x"), Expect.any()))
                    .satisfies(e -> assertThat(StoreFailure.in(e).kind()).isEqualTo(StoreFailure.Kind.INVALID));
        }
        assertThat(items.list(session, folder)).isEmpty();
    }

    @Test
    public void aReplacementKeepsTheItemAndChangesItsETag() {
        ItemRef first = items.put(session, folder, "r.ics", event("one"), Expect.absent());
        Message next = event("two");
        ItemRef second = items.put(session, folder, "r.ics", next, Expect.at(first.modSeq()));
        assertThat(second.uid()).isEqualTo(first.uid());
        assertThat(second.entryId()).isEqualTo(first.entryId());
        assertThat(second.modSeq()).isGreaterThan(first.modSeq());
        assertThat(items.list(session, folder)).containsExactly(second);
        assertThat(subject(one("r.ics"))).isEqualTo("two");
    }

    @Test
    public void aReplacementRemovesWhatTheNewItemDoesNotName() {
        Message a = event("with body");
        a.props.add(PropValue.ofString(PR_BODY, "agenda"));
        a.recipients = List.of(recipient("Bob", "bob@example.org"), recipient("Carol", "carol@example.org"));
        items.put(session, folder, "b.ics", a, Expect.any());
        Message b = event("without body");
        b.recipients = List.of(recipient("Dave", "dave@example.org"));
        items.put(session, folder, "b.ics", b, Expect.present());
        Item i = one("b.ics");
        assertThat(i.message().props).noneMatch(p -> p.tag == PR_BODY);
        assertThat(i.message().recipients).hasSize(1);
        assertThat(i.message().recipients.get(0).props).anyMatch(p -> p.tag == PR_EMAIL_ADDRESS
                && "dave@example.org".equals(p.s));
    }

    @Test
    public void aPeekReadsJustTheAskedPropertiesOfEveryItem() {
        Message a = event("first");
        a.props.add(PropValue.ofString(PR_BODY, "long text"));
        a.recipients = List.of(recipient("Bob", "bob@example.org"));
        ItemRef ra = items.put(session, folder, "a.ics", a, Expect.any());
        ItemRef rb = items.put(session, folder, "b.ics", event("second"), Expect.any());
        List<Item> peeked = items.peek(session, folder, List.of(PR_SUBJECT, PR_MESSAGE_CLASS));
        assertThat(peeked).extracting(Item::ref).containsExactly(ra, rb);
        Item first = peeked.get(0);
        assertThat(byTag(first.message().props).keySet()).containsExactlyInAnyOrder(PR_SUBJECT, PR_MESSAGE_CLASS);
        assertThat(subject(first)).isEqualTo("first");
        assertThat(first.message().recipients == null || first.message().recipients.isEmpty()).isTrue();
    }

    @Test
    public void attachmentsComeBackWithTheirContent() {
        Message m = event("photo");
        Attachment a = new Attachment();
        a.props = new ArrayList<>(List.of(PropValue.ofLong(PR_ATTACH_METHOD, 1),
                PropValue.ofString(PR_ATTACH_FILENAME, "photo.jpg")));
        a.data = new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 0, (byte) 0xFF, (byte) 0xD9};
        m.attachments = List.of(a);
        items.put(session, folder, "p.vcf", m, Expect.any());
        List<Attachment> got = one("p.vcf").message().attachments;
        assertThat(got).hasSize(1);
        assertThat(got.get(0).data).isEqualTo(a.data);
        assertThat(got.get(0).props).anyMatch(p -> p.tag == PR_ATTACH_FILENAME && "photo.jpg".equals(p.s));
    }

    @Test
    public void anEmbeddedMessageComesBackWithItsRecipientsAndIsReplacedWithItsAttachment() {
        Message m = event("weekly");
        m.attachments = List.of(exception("weekly (moved)", "bob@example.org"), exception("weekly (short)", null));
        items.put(session, folder, "w.ics", m, Expect.any());

        List<Attachment> got = one("w.ics").message().attachments;
        assertThat(got).hasSize(2);
        assertThat(got).allMatch(a -> a.data == null || a.data.length == 0);
        Message moved = got.get(0).embedded;
        assertThat(moved).isNotNull();
        assertThat(moved.props).anyMatch(p -> p.tag == PR_SUBJECT && "weekly (moved)".equals(p.s));
        assertThat(moved.recipients).hasSize(1);
        assertThat(moved.recipients.get(0).props).anyMatch(p -> p.tag == PR_EMAIL_ADDRESS && "bob@example.org".equals(p.s));
        assertThat(got.get(1).embedded.recipients).isEmpty();
        assertThat(got.get(0).size).isPositive();

        // the replacement's one exception is all that is left: none of the first ones lingers
        Message next = event("weekly");
        next.attachments = List.of(exception("weekly (late)", null));
        items.put(session, folder, "w.ics", next, Expect.any());
        List<Attachment> now = one("w.ics").message().attachments;
        assertThat(now).hasSize(1);
        assertThat(now.get(0).embedded.props).anyMatch(p -> p.tag == PR_SUBJECT && "weekly (late)".equals(p.s));
        assertThat(now.get(0).embedded.recipients).isEmpty();
    }

    /** An attachment holding a message (ATTACH_EMBEDDED_MSG), as an exception of a series is kept. */
    private static Attachment exception(String subject, String attendee) {
        Message e = new Message();
        e.props = new ArrayList<>(List.of(PropValue.ofString(PR_MESSAGE_CLASS,
                "IPM.OLE.CLASS.{00061055-0000-0000-C000-000000000046}"), PropValue.ofString(PR_SUBJECT, subject)));
        e.recipients = new ArrayList<>();
        e.attachments = new ArrayList<>();
        if (attendee != null) {
            Recipient r = new Recipient();
            r.props = new ArrayList<>(List.of(PropValue.ofString(PR_EMAIL_ADDRESS, attendee),
                    PropValue.ofLong(PR_RECIPIENT_TYPE, 1)));
            e.recipients.add(r);
        }
        Attachment a = new Attachment();
        a.props = new ArrayList<>(List.of(PropValue.ofLong(PR_ATTACH_METHOD, 5),
                PropValue.ofString(PR_DISPLAY_NAME, subject)));
        a.embedded = e;
        return a;
    }

    @Test
    public void anItemIsFoundByTheValueOfAStringNamedProperty() {
        NamedProp key = NamedProp.ofName(PS_PUBLIC_STRINGS, "urn:zcp:test:uid");
        int tag = items.propIds(session, List.of(key)).get(0) << 16 | 0x001F;
        Message a = event("a");
        a.props.add(PropValue.ofString(tag, "uid-1"));
        items.put(session, folder, "a.ics", a, Expect.any());
        Message b = event("b");
        b.props.add(PropValue.ofString(tag, "uid-2"));
        items.put(session, folder, "b.ics", b, Expect.any());

        assertThat(items.namesWith(session, folder, key, "uid-1")).containsExactly("a.ics");
        assertThat(items.namesWith(session, folder, key, "uid-3")).isEmpty();
        // a replacement with another value, a deletion: found no more
        Message a2 = event("a");
        a2.props.add(PropValue.ofString(tag, "uid-3"));
        items.put(session, folder, "a.ics", a2, Expect.any());
        assertThat(items.namesWith(session, folder, key, "uid-1")).isEmpty();
        assertThat(items.namesWith(session, folder, key, "uid-3")).containsExactly("a.ics");
        items.delete(session, folder, "b.ics", Expect.any());
        assertThat(items.namesWith(session, folder, key, "uid-2")).isEmpty();
    }

    @Test
    public void namedPropertiesHaveStableIdsAndAreKept() {
        NamedProp location = NamedProp.ofId("00062002-0000-0000-C000-000000000046", 0x8208);
        NamedProp keywords = NamedProp.ofName(PS_PUBLIC_STRINGS, "Keywords");
        List<Integer> ids = items.propIds(session, List.of(location, keywords));
        assertThat(ids).hasSize(2).allMatch(id -> id >= 0x8000 && id <= 0xFFFE).doesNotHaveDuplicates();
        assertThat(items.propIds(session, List.of(keywords, location))).containsExactly(ids.get(1), ids.get(0));
        Message m = event("where");
        int tag = ids.get(0) << 16 | 0x001F;
        m.props.add(PropValue.ofString(tag, "Room 1"));
        items.put(session, folder, "n.ics", m, Expect.any());
        assertThat(one("n.ics").message().props).anyMatch(p -> p.tag == tag && "Room 1".equals(p.s));
    }

    @Test
    public void unmetExpectationsWriteNothing() {
        ItemRef r = items.put(session, folder, "e.ics", event("kept"), Expect.absent());
        assertConflict(() -> items.put(session, folder, "e.ics", event("lost"), Expect.absent()));
        assertConflict(() -> items.put(session, folder, "e.ics", event("lost"), Expect.at(r.modSeq() + 1000)));
        assertConflict(() -> items.put(session, folder, "new.ics", event("lost"), Expect.present()));
        assertConflict(() -> items.put(session, folder, "new.ics", event("lost"), Expect.at(r.modSeq())));
        assertConflict(() -> items.delete(session, folder, "e.ics", Expect.at(r.modSeq() + 1000)));
        assertThat(items.list(session, folder)).containsExactly(r);
        assertThat(subject(one("e.ics"))).isEqualTo("kept");
    }

    private static void assertConflict(Runnable r) {
        assertThatThrownBy(r::run).satisfies(e -> assertThat(StoreFailure.in(e).kind())
                .isEqualTo(StoreFailure.Kind.CONFLICT));
    }

    @Test
    public void deletingRemovesTheItemAndNamesItAmongTheChanges() {
        ItemRef a = items.put(session, folder, "a.ics", event("a"), Expect.any());
        ItemRef b = items.put(session, folder, "b.ics", event("b"), Expect.any());
        long token = items.changes(session, folder, 0).token();
        items.delete(session, folder, "a.ics", Expect.at(a.modSeq()));
        assertThat(items.list(session, folder)).containsExactly(b);
        assertThat(items.get(session, folder, List.of("a.ics"))).isEmpty();
        ItemChanges c = items.changes(session, folder, token);
        assertThat(c.changed()).isEmpty();
        assertThat(c.removed()).containsExactly("a.ics");
        assertThat(c.token()).isGreaterThan(token);
        assertThatThrownBy(() -> items.delete(session, folder, "a.ics", Expect.any()))
                .satisfies(e -> assertThat(StoreFailure.in(e).kind()).isEqualTo(StoreFailure.Kind.NOT_FOUND));
    }

    @Test
    public void changesSinceATokenAreWhatHappenedAfterIt() {
        ItemChanges empty = items.changes(session, folder, 0);
        assertThat(empty.changed()).isEmpty();
        assertThat(empty.removed()).isEmpty();
        ItemRef a = items.put(session, folder, "a.ics", event("a"), Expect.any());
        ItemChanges all = items.changes(session, folder, 0);
        assertThat(all.changed()).containsExactly(a);
        ItemRef b = items.put(session, folder, "b.ics", event("b"), Expect.any());
        ItemRef a2 = items.put(session, folder, "a.ics", event("a2"), Expect.any());
        ItemChanges since = items.changes(session, folder, all.token());
        assertThat(since.changed()).containsExactlyInAnyOrder(b, a2);
        assertThat(since.removed()).isEmpty();
        ItemChanges none = items.changes(session, folder, since.token());
        assertThat(none.changed()).isEmpty();
        assertThat(none.removed()).isEmpty();
        assertThat(none.token()).isEqualTo(since.token());
    }

    @Test
    public void aTokenFromTheFutureIsInvalid() {
        items.put(session, folder, "a.ics", event("a"), Expect.any());
        long token = items.changes(session, folder, 0).token();
        assertThatThrownBy(() -> items.changes(session, folder, token + 1_000_000))
                .satisfies(e -> assertThat(StoreFailure.in(e).kind()).isEqualTo(StoreFailure.Kind.INVALID));
    }

    @Test
    public void anUnknownFolderIsNotFound() {
        long nowhere = Long.MAX_VALUE - UUID.randomUUID().getMostSignificantBits() % 1000 - 1000;
        assertThatThrownBy(() -> items.list(session, nowhere))
                .satisfies(e -> assertThat(StoreFailure.in(e).kind()).isEqualTo(StoreFailure.Kind.NOT_FOUND));
    }

    @Test
    public void itemsOfOtherFoldersAreNotSeen() {
        items.put(session, folder, "same.ics", event("here"), Expect.any());
        long other = newFolder();
        assertThat(items.list(session, other)).isEmpty();
        assertThat(items.get(session, other, List.of("same.ics"))).isEmpty();
        items.put(session, other, "same.ics", event("there"), Expect.absent());
        assertThat(subject(one("same.ics"))).isEqualTo("here");
    }

    @Test
    public void collectionPropertiesAreKeptPerFolderAndMerged() {
        long other = newFolder();
        assertThat(items.collectionProps(session, List.of(folder, other))).isEmpty();
        items.setCollectionProps(session, folder, Map.of("segment", "6f1c-uuid", "color", "#FF0000FF"));
        items.setCollectionProps(session, other, Map.of("description", "Line one\nline = two"));
        java.util.HashMap<String, String> change = new java.util.HashMap<>();
        change.put("color", null);
        change.put("order", "3");
        items.setCollectionProps(session, folder, change);
        Map<Long, Map<String, String>> got = items.collectionProps(session, List.of(folder, other));
        assertThat(got.get(folder)).isEqualTo(Map.of("segment", "6f1c-uuid", "order", "3"));
        assertThat(got.get(other)).isEqualTo(Map.of("description", "Line one\nline = two"));
    }

    protected static Recipient recipient(String name, String address) {
        Recipient r = new Recipient();
        r.props = new ArrayList<>(List.of(PropValue.ofLong(PR_RECIPIENT_TYPE, 1), PropValue.ofString(PR_DISPLAY_NAME,
                name), PropValue.ofString(PR_EMAIL_ADDRESS, address)));
        return r;
    }

    static Map<Integer, PropValue> byTag(List<PropValue> props) {
        Map<Integer, PropValue> out = new java.util.HashMap<>();
        for (PropValue p : props) out.put(p.tag, p);
        return out;
    }
}
