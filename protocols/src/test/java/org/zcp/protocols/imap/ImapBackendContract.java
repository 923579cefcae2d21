package org.zcp.protocols.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zcp.protocols.imap.ImapBackend.CopyResult;
import org.zcp.protocols.imap.ImapBackend.Failure;
import org.zcp.protocols.imap.ImapBackend.FlagMode;
import org.zcp.protocols.imap.ImapBackend.MailboxState;
import org.zcp.protocols.imap.ImapBackend.MessageInfo;
import org.zcp.protocols.imap.ImapBackend.StoreResult;

/**
 * What every {@link ImapBackend} must do, whatever keeps the mail (James's
 * {@code MailboxManagerTest} idea, issue 10 section 6): the session relies on exactly this, and
 * the in-memory {@link FakeImapBackend} the session tests use is held to it too, so it cannot
 * drift from the real store. A subclass supplies the backend; every test works in mailboxes of
 * its own (a random prefix) and leaves the others alone, so one store may serve all tests.
 *
 * <p>The backend must hold a user {@link #user()} with password {@link #password()} whose store
 * has an INBOX and keeps the RFC 822 text of an appended message as it came (gateway.cfg
 * {@code imap_store_rfc822 = yes}, the default). Tests and hooks are public so that a subclass
 * in another package (itests) runs them.
 */
public abstract class ImapBackendContract {
    /** A well-formed message (the real store converts it to MAPI), with 8-bit octets in the body. */
    static byte[] message(String subject, String body) {
        return ("From: Alice <alice@example.com>\r\nTo: Bob <bob@example.org>\r\nSubject: " + subject + "\r\n"
                + "Date: Tue, 1 Mar 2022 10:00:00 +0000\r\nMessage-ID: <" + UUID.randomUUID() + "@example.com>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static final long DATE = Instant.parse("2024-01-05T09:00:00Z").toEpochMilli();

    protected ImapBackend backend;
    protected String session;
    /** This test's own mailbox names start with it. */
    protected String base;
    private final List<String> created = new ArrayList<>();

    /** The backend under test: a store with {@link #user()} and an INBOX. Called before every test. */
    protected abstract ImapBackend backend();

    /** The login of the user whose store the tests use. */
    protected String user() {
        return "alice";
    }

    protected String password() {
        return "secret";
    }

    @BeforeEach
    public void logIn() {
        backend = backend();
        ImapBackend.Login login = backend.login(user(), password(), "192.0.2.7", true);
        assertThat(login.status()).as("login of %s", user()).isEqualTo(ImapBackend.Status.OK);
        session = login.session();
        base = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    public void cleanUp() {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                backend.delete(session, created.get(i));
            } catch (RuntimeException e) {
                // renamed or deleted by the test itself
            }
        }
        backend.logout(session);
    }

    /** Creates a mailbox of this test's own and returns its name. */
    protected String mailbox(String suffix) {
        String name = base + suffix;
        backend.create(session, name);
        created.add(name);
        return name;
    }

    protected long append(String mailbox, byte[] text, Set<String> flags) {
        return backend.append(session, mailbox, new ByteArrayInputStream(text), flags, DATE).uid();
    }

    protected String id(String mailbox) {
        return backend.open(session, mailbox).id();
    }

    protected MessageInfo info(String mailbox, long uid) {
        return backend.messages(session, id(mailbox)).stream().filter(m -> m.uid() == uid).findFirst().orElseThrow();
    }

    static String code(Throwable t) {
        return ((Failure) t).code();
    }

    // ---- login ----

    @Test
    public void loginRefusesAWrongPasswordAndAnUnknownUser() {
        ImapBackend.Login wrong = backend.login(user(), password() + "x", "192.0.2.7", true);
        ImapBackend.Login unknown = backend.login("nobody-" + base, password(), "192.0.2.7", true);

        assertThat(wrong.status()).isEqualTo(ImapBackend.Status.DENIED);
        assertThat(wrong.session()).isNull();
        assertThat(unknown.status()).isEqualTo(ImapBackend.Status.DENIED);
        assertThat(session).isNotNull();
    }

    // ---- mailboxes ----

    @Test
    public void foldersListInboxAndParentsBeforeChildren() {
        String parent = mailbox("");
        String child = mailbox("/child");

        List<String> names = backend.folders(session).stream().map(ImapBackend.Folder::name).toList();

        assertThat(names).contains("INBOX").containsSubsequence(parent, child);
        assertThat(backend.folders(session)).allSatisfy(f -> assertThat(f.id()).isNotBlank());
    }

    @Test
    public void createRenameAndDeleteMailboxes() {
        String a = mailbox("-a");
        mailbox("-a/child");

        assertThatThrownBy(() -> backend.create(session, a)).isInstanceOf(Failure.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo("ALREADYEXISTS"));
        String b = base + "-b";
        backend.rename(session, a, b);
        created.add(b);
        created.add(b + "/child");
        List<String> names = backend.folders(session).stream().map(ImapBackend.Folder::name).toList();
        // RFC 3501 6.3.5: the inferiors are renamed with it
        assertThat(names).contains(b, b + "/child").doesNotContain(a, a + "/child");
        String c = mailbox("-c");
        assertThatThrownBy(() -> backend.rename(session, c, b)).isInstanceOf(Failure.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo("ALREADYEXISTS"));
        assertThatThrownBy(() -> backend.rename(session, a, base + "-d")).isInstanceOf(Failure.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo("NONEXISTENT"));
        backend.delete(session, b + "/child");
        backend.delete(session, c);
        assertThat(backend.folders(session).stream().map(ImapBackend.Folder::name)).doesNotContain(b + "/child", c);
        assertThatThrownBy(() -> backend.open(session, c)).isInstanceOf(Failure.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo("NONEXISTENT"));
        assertThatThrownBy(() -> backend.delete(session, c)).isInstanceOf(Failure.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo("NONEXISTENT"));
    }

    @Test
    public void subscriptionsShowInFolders() {
        String a = mailbox("-sub");

        backend.subscribe(session, a, true);
        assertThat(backend.folders(session)).filteredOn(f -> f.name().equals(a)).singleElement()
                .satisfies(f -> assertThat(f.subscribed()).isTrue());
        backend.subscribe(session, a, false);
        assertThat(backend.folders(session)).filteredOn(f -> f.name().equals(a)).singleElement()
                .satisfies(f -> assertThat(f.subscribed()).isFalse());
        assertThatThrownBy(() -> backend.subscribe(session, base + "-none", true)).isInstanceOf(Failure.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo("NONEXISTENT"));
    }

    @Test
    public void openReportsTheNumbersSelectAndStatusShow() {
        String a = mailbox("-open");
        MailboxState empty = backend.open(session, a);
        assertThat(backend.open(session, "INBOX").id()).isNotBlank();
        assertThat(empty.messages()).isZero();
        assertThat(empty.unseen()).isZero();
        assertThat(empty.uidValidity()).isPositive();
        assertThat(empty.uidNext()).isPositive();
        // RFC 7162 mod-sequence-value: at least 1, also for an empty mailbox
        assertThat(empty.highestModSeq()).isPositive();
        assertThat(empty.readOnly()).isFalse();

        long u1 = append(a, message("one", "x"), Set.of("\\Seen"));
        long u2 = append(a, message("two", "y"), Set.of("$Work"));
        MailboxState two = backend.open(session, a);

        assertThat(two.id()).isEqualTo(empty.id());
        assertThat(two.uidValidity()).isEqualTo(empty.uidValidity());
        assertThat(two.messages()).isEqualTo(2);
        assertThat(two.unseen()).isEqualTo(1);
        assertThat(two.uidNext()).isGreaterThan(Math.max(u1, u2));
        assertThat(two.highestModSeq()).isGreaterThanOrEqualTo(
                backend.messages(session, two.id()).stream().mapToLong(MessageInfo::modSeq).max().orElseThrow());
        // every keyword a message of the mailbox has, so SELECT can announce it in FLAGS
        assertThat(two.keywords()).contains("$Work");
    }

    // ---- messages ----

    @Test
    public void appendedMessagesAreListedInUidOrderWithTheirFlagsSizeAndDate() {
        String a = mailbox("-append");
        long next = backend.open(session, a).uidNext();
        byte[] text = message("first", "Gr\u00fc\u00dfe");
        ImapBackend.AppendResult r = backend.append(session, a, new ByteArrayInputStream(text), Set.of("\\Seen"), DATE);
        long u2 = append(a, message("second", "b"), Set.of("\\Flagged", "$Work"));
        long u3 = append(a, message("third", "c"), Set.of());

        assertThat(r.uidValidity()).isEqualTo(backend.open(session, a).uidValidity());
        assertThat(r.uid()).isGreaterThanOrEqualTo(next);
        assertThat(List.of(r.uid(), u2, u3)).isSorted().doesNotHaveDuplicates();
        List<MessageInfo> list = backend.messages(session, id(a));
        assertThat(list).extracting(MessageInfo::uid).containsExactly(r.uid(), u2, u3);
        assertThat(list.get(0).flags()).containsExactlyInAnyOrder("\\Seen");
        assertThat(list.get(1).flags()).containsExactlyInAnyOrder("\\Flagged", "$Work");
        assertThat(list.get(2).flags()).isEmpty();
        // RFC822.SIZE is the size of BODY[]; INTERNALDATE the APPEND's date
        assertThat(list.get(0).size()).isEqualTo(text.length);
        assertThat(list).allSatisfy(m -> assertThat(m.internalDate() / 1000).isEqualTo(DATE / 1000));
        assertThat(list).allSatisfy(m -> assertThat(m.modSeq()).isPositive());
    }

    @Test
    public void appendToAMailboxThatDoesNotExistFails() {
        assertThatThrownBy(() -> append(base + "-none", message("x", "y"), Set.of())).isInstanceOf(Failure.class)
                .satisfies(e -> assertThat(code(e)).isIn("NONEXISTENT", "TRYCREATE"));
    }

    @Test
    public void textsAreServedByteForByteInBatchesWithoutTheUidsThatAreGone() {
        String a = mailbox("-texts");
        byte[] t1 = message("one", "8-bit: \u00e4\u00f6\u00fc \u20ac, a long line " + "z".repeat(2000));
        byte[] t2 = message("two", "second");
        long u1 = append(a, t1, Set.of());
        long u2 = append(a, t2, Set.of());
        String id = id(a);

        Map<Long, byte[]> both = backend.texts(session, id, List.of(u1, u2));
        Map<Long, byte[]> again = backend.texts(session, id, List.of(u1));
        Map<Long, byte[]> skipping = backend.texts(session, id, List.of(u2 + 1000, u2 + 1001, u2 + 1002, u2 + 1003, u2));

        assertThat(both).containsKey(u1);
        assertThat(both.get(u1)).isEqualTo(t1);
        if (both.containsKey(u2)) assertThat(both.get(u2)).isEqualTo(t2);
        assertThat(again.get(u1)).isEqualTo(t1);
        assertThat(skipping).containsOnlyKeys(u2);
        assertThat(skipping.get(u2)).isEqualTo(t2);
    }

    @Test
    public void derivedDataIsKeptBesideTheTextWithoutBeingAChange() {
        String a = mailbox("-derived");
        long u1 = append(a, message("one", "a"), Set.of());
        long u2 = append(a, message("two", "b"), Set.of());
        String id = id(a);
        long modSeq = backend.messages(session, id).get(0).modSeq();
        String long8bit = "F1 \u00e4\u20ac (\"x\" NIL) " + "y".repeat(9000);

        assertThat(backend.derived(session, id, List.of(u1, u2))).isEmpty();
        backend.keepDerived(session, id, Map.of(u1, long8bit, u2 + 1000, "gone"));
        backend.keepDerived(session, id, Map.of(u2, "short"));

        assertThat(backend.derived(session, id, List.of(u1, u2, u2 + 1000)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(u1, long8bit, u2, "short"));
        assertThat(backend.derived(session, id, List.of(u2))).containsOnlyKeys(u2);
        assertThat(backend.messages(session, id).get(0).modSeq()).isEqualTo(modSeq);
        backend.store(session, id, List.of(u1), ImapBackend.FlagMode.ADD, Set.of("\\Flagged"), 0);
        assertThat(backend.derived(session, id, List.of(u1))).containsEntry(u1, long8bit);
    }

    @Test
    public void subjectMatchesFindsDecodedSubjectsCaseInsensitivelyAndTakesNoWildcards() {
        String a = mailbox("-subject");
        long u1 = append(a, message("Quarterly Report", "a"), Set.of());
        long u2 = append(a, message("=?UTF-8?B?w5xiZXJzaWNodA==?=", "b"), Set.of());
        long u3 = append(a, message("100% done", "c"), Set.of());
        String id = id(a);

        assertThat(backend.subjectMatches(session, id, "REPORT")).containsExactly(u1);
        assertThat(backend.subjectMatches(session, id, "\u00fcbersicht")).containsExactly(u2);
        assertThat(backend.subjectMatches(session, id, "0% d")).containsExactly(u3);
        assertThat(backend.subjectMatches(session, id, "%")).containsExactly(u3);
        assertThat(backend.subjectMatches(session, id, "_")).isEmpty();
        assertThat(backend.subjectMatches(session, id, "nothing like it")).isEmpty();
    }

    @Test
    public void recentMessagesAreTakenOnceByTheFirstClaimAndOnlyLookedAtWithout() {
        String box = mailbox("-recent");
        long u1 = append(box, message("one", "x"), Set.of());
        long u2 = append(box, message("two", "x"), Set.of("\\Seen"));
        String id = id(box);

        assertThat(backend.open(session, box).recent()).isEqualTo(2);
        long looked = backend.recent(session, id, u2, false);
        long first = backend.recent(session, id, u1, true);
        long second = backend.recent(session, id, u2, true);
        long third = backend.recent(session, id, u2, true);

        assertThat(looked).as("a new mailbox: nothing shown yet").isLessThan(u1);
        assertThat(first).as("looking took nothing").isEqualTo(looked);
        assertThat(second).as("the first claim took up to its UID").isEqualTo(u1);
        assertThat(third).as("nothing is recent twice").isEqualTo(u2);
        assertThat(backend.open(session, box).recent()).isZero();
        long u3 = append(box, message("three", "x"), Set.of());
        assertThat(backend.open(session, box).recent()).isEqualTo(1);
        assertThat(backend.recent(session, id, u3, true)).isEqualTo(u2);
        assertThat(backend.open(session, box).highestModSeq()).as("taking is not a change of the contents")
                .isEqualTo(info(box, u3).modSeq());
    }

    // ---- flags ----

    @Test
    public void storeAddsRemovesAndSetsFlagsAndRaisesTheModSeqOfWhatChanged() {
        String a = mailbox("-store");
        long u1 = append(a, message("one", "x"), Set.of("\\Seen"));
        long u2 = append(a, message("two", "y"), Set.of());
        String id = id(a);
        long before = info(a, u1).modSeq();

        StoreResult added = backend.store(session, id, List.of(u1, u2), FlagMode.ADD, Set.of("\\Flagged", "$Work"), 0);
        assertThat(added.failed()).isEmpty();
        assertThat(added.updated()).extracting(MessageInfo::uid).containsExactlyInAnyOrder(u1, u2);
        assertThat(info(a, u1).flags()).containsExactlyInAnyOrder("\\Seen", "\\Flagged", "$Work");
        assertThat(info(a, u1).modSeq()).isGreaterThan(before);

        // keywords compare case-insensitively (as in Dovecot; RFC 9051 2.3.2)
        backend.store(session, id, List.of(u1), FlagMode.REMOVE, Set.of("\\Seen", "$work"), 0);
        assertThat(info(a, u1).flags()).containsExactlyInAnyOrder("\\Flagged");

        StoreResult set = backend.store(session, id, List.of(u2), FlagMode.SET,
                Set.of("\\Answered", "$Forwarded", "\\Deleted", "$Label1"), 0);
        assertThat(set.updated()).singleElement().satisfies(m -> assertThat(m.flags())
                .containsExactlyInAnyOrder("\\Answered", "$Forwarded", "\\Deleted", "$Label1"));
        assertThat(info(a, u2).flags()).containsExactlyInAnyOrder("\\Answered", "$Forwarded", "\\Deleted", "$Label1");

        long unchanged = info(a, u2).modSeq();
        backend.store(session, id, List.of(u2), FlagMode.ADD, Set.of("\\Answered"), 0);
        assertThat(info(a, u2).modSeq()).as("a STORE that changes nothing").isEqualTo(unchanged);
        assertThat(backend.store(session, id, List.of(u2 + 1000), FlagMode.ADD, Set.of("\\Seen"), 0))
                .satisfies(r -> assertThat(r.updated()).isEmpty()).satisfies(r -> assertThat(r.failed()).isEmpty());
    }

    @Test
    public void storeWithUnchangedSinceLeavesMessagesChangedSinceAloneAndReportsThem() {
        String a = mailbox("-condstore");
        long u1 = append(a, message("one", "x"), Set.of());
        long u2 = append(a, message("two", "y"), Set.of());
        String id = id(a);
        backend.store(session, id, List.of(u1), FlagMode.ADD, Set.of("$A"), 0);
        long m1 = info(a, u1).modSeq();
        backend.store(session, id, List.of(u1), FlagMode.ADD, Set.of("$B"), 0);
        long m2 = info(a, u1).modSeq();
        assertThat(m2).isGreaterThan(m1);

        StoreResult r = backend.store(session, id, List.of(u1, u2), FlagMode.ADD, Set.of("\\Flagged"), m1);

        assertThat(r.failed()).containsExactly(u1);
        assertThat(info(a, u1).flags()).doesNotContain("\\Flagged");
        assertThat(info(a, u2).flags()).as("appended before m1, so unchanged since").contains("\\Flagged");
        StoreResult ok = backend.store(session, id, List.of(u1), FlagMode.ADD, Set.of("\\Flagged"), m2);
        assertThat(ok.failed()).isEmpty();
        assertThat(info(a, u1).flags()).contains("\\Flagged");
    }

    // ---- copy, move, expunge ----

    @Test
    public void copyAndMoveAnswerUidPlusInSourceOrderAndKeepTextAndFlags() {
        String a = mailbox("-from");
        String b = mailbox("-to");
        byte[] t1 = message("one", "x");
        byte[] t3 = message("three", "z");
        long u1 = append(a, t1, Set.of("\\Seen", "$Work"));
        long u2 = append(a, message("two", "y"), Set.of());
        long u3 = append(a, t3, Set.of("\\Flagged"));
        MailboxState target = backend.open(session, b);
        long fromBefore = backend.open(session, a).highestModSeq();

        CopyResult copy = backend.copy(session, id(a), List.of(u1, u3), b, false);

        assertThat(copy.uidValidity()).isEqualTo(target.uidValidity());
        assertThat(copy.sourceUids()).containsExactly(u1, u3);
        assertThat(copy.destinationUids()).hasSize(2).isSorted().allSatisfy(u -> assertThat(u).isGreaterThanOrEqualTo(target.uidNext()));
        long c1 = copy.destinationUids().get(0);
        long c3 = copy.destinationUids().get(1);
        assertThat(info(b, c1).flags()).containsExactlyInAnyOrder("\\Seen", "$Work");
        assertThat(info(b, c3).flags()).containsExactlyInAnyOrder("\\Flagged");
        assertThat(backend.texts(session, id(b), List.of(c1)).get(c1)).isEqualTo(t1);
        assertThat(backend.texts(session, id(b), List.of(c3)).get(c3)).isEqualTo(t3);
        assertThat(backend.messages(session, id(a))).extracting(MessageInfo::uid).containsExactly(u1, u2, u3);

        CopyResult move = backend.copy(session, id(a), List.of(u2), b, true);

        assertThat(move.sourceUids()).containsExactly(u2);
        assertThat(move.destinationUids()).singleElement().satisfies(u -> assertThat(u).isGreaterThan(c3));
        assertThat(backend.messages(session, id(a))).extracting(MessageInfo::uid).containsExactly(u1, u3);
        assertThat(backend.changes(session, id(a), fromBefore).expunged()).contains(u2);
        assertThatThrownBy(() -> backend.copy(session, id(a), List.of(u1), base + "-none", false))
                .isInstanceOf(Failure.class).satisfies(e -> assertThat(code(e)).isEqualTo("NONEXISTENT"));
    }

    @Test
    public void aCopyIntoTheSameMailboxShowsInItsChanges() {
        // the session owes the client "* n EXISTS" after COPY into the selected mailbox
        String a = mailbox("-self");
        long u1 = append(a, message("one", "x"), Set.of());
        long since = backend.open(session, a).highestModSeq();

        CopyResult copy = backend.copy(session, id(a), List.of(u1), a, false);

        long newUid = copy.destinationUids().get(0);
        assertThat(newUid).isGreaterThan(u1);
        assertThat(backend.changes(session, id(a), since).changed()).extracting(MessageInfo::uid).contains(newUid);
        assertThat(backend.messages(session, id(a))).extracting(MessageInfo::uid).containsExactly(u1, newUid);
    }

    @Test
    public void expungeRemovesOnlyDeletedMessagesAndOnlyThoseAskedFor() {
        String a = mailbox("-expunge");
        long u1 = append(a, message("one", "x"), Set.of("\\Deleted"));
        long u2 = append(a, message("two", "y"), Set.of());
        long u3 = append(a, message("three", "z"), Set.of());
        String id = id(a);
        backend.store(session, id, List.of(u3), FlagMode.ADD, Set.of("\\Deleted"), 0);
        long since = backend.open(session, a).highestModSeq();

        assertThat(backend.expunge(session, id, List.of(u2, u3))).containsExactly(u3);
        assertThat(backend.expunge(session, id, null)).containsExactly(u1);
        assertThat(backend.expunge(session, id, null)).isEmpty();
        assertThat(backend.messages(session, id)).extracting(MessageInfo::uid).containsExactly(u2);
        assertThat(backend.changes(session, id, since).expunged()).containsExactlyInAnyOrder(u1, u3);
    }

    // ---- changes ----

    @Test
    public void changesSinceAModSeqReportNewChangedAndExpungedMessages() {
        String a = mailbox("-changes");
        long u1 = append(a, message("one", "x"), Set.of());
        String id = id(a);
        long h0 = backend.open(session, a).highestModSeq();
        ImapBackend.Changes none = backend.changes(session, id, h0);
        assertThat(none.changed()).isEmpty();
        assertThat(none.expunged()).isEmpty();
        assertThat(none.highestModSeq()).isGreaterThanOrEqualTo(h0);

        long u2 = append(a, message("two", "y"), Set.of());
        ImapBackend.Changes added = backend.changes(session, id, h0);
        assertThat(added.changed()).extracting(MessageInfo::uid).containsExactly(u2);
        long h1 = added.highestModSeq();
        assertThat(h1).isGreaterThan(h0).isGreaterThanOrEqualTo(added.changed().get(0).modSeq());

        backend.store(session, id, List.of(u1), FlagMode.ADD, Set.of("\\Seen", "\\Deleted"), 0);
        ImapBackend.Changes flagged = backend.changes(session, id, h1);
        assertThat(flagged.changed()).singleElement().satisfies(m -> {
            assertThat(m.uid()).isEqualTo(u1);
            assertThat(m.flags()).containsExactlyInAnyOrder("\\Seen", "\\Deleted");
            assertThat(m.modSeq()).isGreaterThan(h1);
        });
        long h2 = flagged.highestModSeq();

        backend.expunge(session, id, null);
        ImapBackend.Changes gone = backend.changes(session, id, h2);
        assertThat(gone.expunged()).containsExactly(u1);
        assertThat(gone.changed()).extracting(MessageInfo::uid).doesNotContain(u1);
        assertThat(gone.highestModSeq()).isGreaterThan(h2);
        assertThat(backend.changes(session, id, 0).changed()).extracting(MessageInfo::uid).containsExactly(u2);
    }

    @Test
    public void changesWithAClaimTakeTheRecentMarkOfWhatArrivedInTheSameCall() {
        String a = mailbox("-claims");
        long u1 = append(a, message("one", "x"), Set.of());
        String id = id(a);
        long h0 = backend.open(session, a).highestModSeq();
        backend.recent(session, id, u1, true); // as SELECT claims
        long u2 = append(a, message("two", "y"), Set.of("\\Seen"));
        long u3 = append(a, message("three", "z"), Set.of());

        ImapBackend.Changes looked = backend.changes(session, id, h0, -1);
        assertThat(looked.changed()).extracting(MessageInfo::uid).containsExactly(u2, u3);
        assertThat(looked.recentFloor()).as("no claim asked").isEqualTo(-1);
        assertThat(backend.recent(session, id, u1, false)).as("nothing claimed").isEqualTo(u1);

        ImapBackend.Changes claimed = backend.changes(session, id, h0, u1);
        assertThat(claimed.changed()).extracting(MessageInfo::uid).containsExactly(u2, u3);
        assertThat(claimed.changed().get(0).flags()).containsExactly("\\Seen");
        assertThat(claimed.recentFloor()).as("the mark before the claim").isEqualTo(u1);
        assertThat(backend.recent(session, id, u3, false)).as("claimed up to the newest").isEqualTo(u3);

        assertThat(backend.changes(session, id, h0, u1).recentFloor()).as("another session comes second").isEqualTo(u3);
        assertThat(backend.changes(session, id, claimed.highestModSeq(), u3).recentFloor())
                .as("nothing new above the caller's newest: no claim").isEqualTo(-1);
    }
}
