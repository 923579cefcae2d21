package org.zcp.protocols.imap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory store for session tests: mailboxes with messages, a change journal, one user. It
 * keeps to {@link ImapBackendContract} ({@link FakeImapBackendContractTest}), the rules the real
 * store follows too.
 */
class FakeImapBackend implements ImapBackend {
    static final int TEXT_BATCH = 3;

    static final class Msg {
        final long uid;
        long modSeq;
        Set<String> flags;
        final byte[] data;
        final long date;
        /** What the session asked to keep beside the text (keepDerived). */
        String derived;

        Msg(long uid, long modSeq, Set<String> flags, byte[] data, long date) {
            this.uid = uid;
            this.modSeq = modSeq;
            this.flags = new LinkedHashSet<>(flags);
            this.data = data;
            this.date = date;
        }

        MessageInfo info() {
            return new MessageInfo(uid, modSeq, Set.copyOf(flags), data.length, date);
        }
    }

    static final class Box {
        String name;
        final String id;
        final long uidValidity;
        long nextUid;
        final List<String> attributes;
        boolean subscribed = true;
        final List<Msg> msgs = new ArrayList<>();
        final List<long[]> gone = new ArrayList<>();
        /** The mailbox's keywords: every one a message got here, and any defined without one. */
        final Set<String> keywords = new LinkedHashSet<>();
        /** The highest UID some session was shown as \Recent. */
        long recentUid;

        Box(String name, String id, long uidValidity, long nextUid, List<String> attributes) {
            this.name = name;
            this.id = id;
            this.uidValidity = uidValidity;
            this.nextUid = nextUid;
            this.attributes = attributes;
        }
    }

    final Map<String, Box> boxes = new LinkedHashMap<>();
    private final String user;
    private final String password;
    final List<String> calls = new ArrayList<>();
    long modSeq;
    boolean loginThrows;
    /** Set: every call with a session hears that the login is void (the store revoked it). */
    boolean revoked;
    int ids;

    /** john with the password "secret pw", no mailboxes yet. */
    FakeImapBackend() {
        this("john", "secret pw");
    }

    FakeImapBackend(String user, String password) {
        this.user = user;
        this.password = password;
    }

    Box box(String name, List<String> attributes, long uidValidity, long nextUid) {
        Box b = new Box(name, "id" + (++ids), uidValidity, nextUid, attributes);
        boxes.put(name, b);
        return b;
    }

    /**
     * Adds a message as delivery would: next UID, new MODSEQ. Until {@link #freshMail} it counts as
     * mail some earlier session was shown (not \Recent), as a test's fixture is.
     */
    Msg deliver(String mailbox, String text, Set<String> flags, long date) {
        Box b = boxes.get(mailbox);
        Msg m = new Msg(b.nextUid++, ++modSeq, flags, text.getBytes(StandardCharsets.ISO_8859_1), date);
        b.msgs.add(m);
        if (!freshMail) b.recentUid = m.uid;
        return m;
    }

    /** From now on delivered messages are \Recent to the next session that selects their mailbox. */
    boolean freshMail;

    /** A flag change made by someone else. */
    void setFlags(String mailbox, long uid, Set<String> flags) {
        for (Msg m : boxes.get(mailbox).msgs) {
            if (m.uid == uid) {
                m.flags = new LinkedHashSet<>(flags);
                m.modSeq = ++modSeq;
            }
        }
    }

    /** A removal made by someone else. */
    void remove(String mailbox, long uid) {
        Box b = boxes.get(mailbox);
        b.msgs.removeIf(m -> m.uid == uid);
        b.gone.add(new long[] {uid, ++modSeq});
    }

    /** Keywords set on a message are the mailbox's from then on, as MailboxState.keywords says. */
    private static void keep(Box b, Set<String> flags) {
        for (String f : flags) if (!f.startsWith("\\")) b.keywords.add(f);
    }

    private Box byName(String name) {
        Box b = boxes.get(name);
        if (b == null) throw new Failure("NONEXISTENT", "No such mailbox");
        return b;
    }

    private Box byId(String id) {
        return boxes.values().stream().filter(b -> b.id.equals(id)).findFirst()
                .orElseThrow(() -> new Failure("NONEXISTENT", "No such mailbox"));
    }

    @Override
    public Login login(String user, String password, String peer, boolean tls) {
        calls.add("login " + user + (tls ? " tls" : ""));
        if (loginThrows) throw new IllegalStateException("store down: secret detail");
        return user.equals(this.user) && password.equals(this.password) ? new Login(Status.OK, "h1", null)
                : new Login(Status.DENIED, null, "bad password");
    }

    @Override
    public void logout(String session) {
        calls.add("logout " + session);
    }

    @Override
    public List<Folder> folders(String session) {
        List<Folder> list = new ArrayList<>();
        for (Box b : boxes.values()) list.add(new Folder(b.name, b.id, b.attributes, b.subscribed));
        return list;
    }

    @Override
    public void create(String session, String name) {
        if (boxes.containsKey(name)) throw new Failure("ALREADYEXISTS", "Mailbox exists");
        int slash = name.lastIndexOf('/');
        // as the store: a new mailbox goes into an existing one (INBOX is any case)
        if (slash > 0 && !boxes.containsKey(name.substring(0, slash))
                && !name.substring(0, slash).equalsIgnoreCase("INBOX")) {
            throw new Failure("NONEXISTENT", "no mailbox " + name.substring(0, slash));
        }
        box(name, List.of(), 5000 + ids, 1);
    }

    @Override
    public void delete(String session, String name) {
        byName(name);
        boxes.remove(name);
    }

    @Override
    public void rename(String session, String from, String to) {
        byName(from);
        if (boxes.containsKey(to)) throw new Failure("ALREADYEXISTS", "Mailbox exists");
        int slash = to.lastIndexOf('/');
        if (slash > 0 && !boxes.containsKey(to.substring(0, slash))) {
            throw new Failure("NONEXISTENT", "no mailbox " + to.substring(0, slash));
        }
        // the inferiors move with it (RFC 3501 6.3.5), as folders do in the store
        Map<String, Box> renamed = new LinkedHashMap<>();
        for (Box b : boxes.values()) {
            if (b.name.equals(from)) b.name = to;
            else if (b.name.startsWith(from + "/")) b.name = to + b.name.substring(from.length());
            renamed.put(b.name, b);
        }
        boxes.clear();
        boxes.putAll(renamed);
    }

    @Override
    public void subscribe(String session, String name, boolean subscribed) {
        byName(name).subscribed = subscribed;
    }

    @Override
    public MailboxState open(String session, String name) {
        Box b = byName(name);
        int unseen = (int) b.msgs.stream().filter(m -> !m.flags.contains("\\Seen")).count();
        long highest = Math.max(b.msgs.stream().mapToLong(m -> m.modSeq).max().orElse(0),
                b.gone.stream().mapToLong(g -> g[1]).max().orElse(0));
        for (Msg m : b.msgs) keep(b, m.flags);
        // a mod-sequence-value is at least 1 (RFC 7162 section 7), also for an empty mailbox
        int recent = (int) b.msgs.stream().filter(m -> m.uid > b.recentUid).count();
        return new MailboxState(b.id, b.uidValidity, b.nextUid, Math.max(1, highest), b.msgs.size(), unseen,
                name.equals("Shared"), List.copyOf(b.keywords), recent);
    }

    @Override
    public long recent(String session, String mailboxId, long upTo, boolean claim) {
        calls.add("recent " + upTo + " " + claim);
        Box b = byId(mailboxId);
        long before = b.recentUid;
        if (claim && upTo > before) b.recentUid = upTo;
        return before;
    }

    @Override
    public List<MessageInfo> messages(String session, String mailboxId) {
        if (revoked) throw new Failure(ImapBackend.EXPIRED, "session ended");
        return byId(mailboxId).msgs.stream().map(Msg::info).toList();
    }

    @Override
    public Changes changes(String session, String mailboxId, long since) {
        if (revoked) throw new Failure(ImapBackend.EXPIRED, "session ended");
        Box b = byId(mailboxId);
        List<MessageInfo> changed = b.msgs.stream().filter(m -> m.modSeq > since).map(Msg::info).toList();
        List<Long> expunged = b.gone.stream().filter(g -> g[1] > since).map(g -> g[0]).toList();
        return new Changes(Math.max(since, modSeq), changed, expunged);
    }

    @Override
    public Map<Long, byte[]> texts(String session, String mailboxId, List<Long> uids) {
        // a small batch, as a store bounds its batches: the session must ask again for the rest;
        // UIDs that are gone are left out and take no room in it
        Map<Long, Msg> present = new java.util.HashMap<>();
        for (Msg m : byId(mailboxId).msgs) present.put(m.uid, m);
        List<Long> batch = uids.stream().filter(present::containsKey).limit(TEXT_BATCH).toList();
        calls.add("texts " + batch);
        Map<Long, byte[]> out = new java.util.HashMap<>();
        for (long uid : batch) out.put(uid, present.get(uid).data);
        return out;
    }

    @Override
    public Map<Long, String> derived(String session, String mailboxId, List<Long> uids) {
        calls.add("derived " + uids.size());
        Map<Long, String> out = new java.util.HashMap<>();
        for (Msg m : byId(mailboxId).msgs) {
            if (m.derived != null && uids.contains(m.uid)) out.put(m.uid, m.derived);
        }
        return out;
    }

    @Override
    public void keepDerived(String session, String mailboxId, Map<Long, String> values) {
        calls.add("keepDerived " + values.size());
        for (Msg m : byId(mailboxId).msgs) {
            if (values.containsKey(m.uid)) m.derived = values.get(m.uid);
        }
    }

    @Override
    public Set<Long> subjectMatches(String session, String mailboxId, String text) {
        calls.add("subjectMatches " + text);
        Set<Long> out = new java.util.HashSet<>();
        for (Msg m : byId(mailboxId).msgs) {
            String subject = org.zcp.protocols.imap.mime.MimeStructure.parse(m.data).root().header("Subject");
            if (subject != null && org.zcp.protocols.imap.mime.SearchText.header(subject).toLowerCase(java.util.Locale.ROOT)
                    .contains(text.toLowerCase(java.util.Locale.ROOT))) out.add(m.uid);
        }
        return out;
    }

    @Override
    public StoreResult store(String session, String mailboxId, List<Long> uids, FlagMode mode, Set<String> flags,
            long unchangedSince) {
        calls.add("store " + uids + " " + mode + " " + flags);
        List<MessageInfo> updated = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (Msg m : byId(mailboxId).msgs) {
            if (!uids.contains(m.uid)) continue;
            if (unchangedSince > 0 && m.modSeq > unchangedSince) {
                failed.add(m.uid);
                continue;
            }
            Set<String> next = new LinkedHashSet<>(mode == FlagMode.SET ? Set.of() : m.flags);
            if (mode == FlagMode.REMOVE) {
                // flags compare case-insensitively, as the store's do
                next.removeIf(x -> flags.stream().anyMatch(y -> y.equalsIgnoreCase(x)));
            } else {
                for (String f : flags) if (next.stream().noneMatch(x -> x.equalsIgnoreCase(f))) next.add(f);
            }
            if (!next.equals(m.flags)) { // a STORE that changes nothing leaves the MODSEQ alone
                m.flags = next;
                m.modSeq = ++modSeq;
            }
            updated.add(m.info());
        }
        return new StoreResult(updated, failed);
    }

    @Override
    public CopyResult copy(String session, String mailboxId, List<Long> uids, String destination, boolean move) {
        Box from = byId(mailboxId);
        Box to = byName(destination);
        List<Long> src = new ArrayList<>();
        List<Long> dst = new ArrayList<>();
        // in the order of the source UIDs (UIDPLUS), those still there, each once
        for (long uid : new LinkedHashSet<>(uids)) {
            Msg m = from.msgs.stream().filter(x -> x.uid == uid).findFirst().orElse(null);
            if (m == null) continue;
            Msg copy = new Msg(to.nextUid++, ++modSeq, m.flags, m.data, m.date);
            to.msgs.add(copy);
            src.add(m.uid);
            dst.add(copy.uid);
            if (move) {
                from.msgs.remove(m);
                from.gone.add(new long[] {m.uid, ++modSeq});
            }
        }
        return new CopyResult(to.uidValidity, src, dst);
    }

    @Override
    public List<Long> expunge(String session, String mailboxId, List<Long> uids) {
        Box b = byId(mailboxId);
        List<Long> removed = new ArrayList<>();
        for (Msg m : List.copyOf(b.msgs)) {
            if (m.flags.contains("\\Deleted") && (uids == null || uids.contains(m.uid))) {
                b.msgs.remove(m);
                b.gone.add(new long[] {m.uid, ++modSeq});
                removed.add(m.uid);
            }
        }
        return removed;
    }

    @Override
    public AppendResult append(String session, String mailbox, java.io.InputStream in, Set<String> flags,
            long internalDate) {
        byte[] message;
        try {
            message = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Box b = byName(mailbox);
        Msg m = new Msg(b.nextUid++, ++modSeq, flags, message, internalDate);
        b.msgs.add(m);
        return new AppendResult(b.uidValidity, m.uid);
    }
}
