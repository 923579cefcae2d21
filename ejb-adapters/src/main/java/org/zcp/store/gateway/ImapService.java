package org.zcp.store.gateway;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.zcp.api.mapi.MapiError;
import org.zcp.protocols.imap.ImapBackend;
import org.zcp.protocols.imap.ImapBackend.Failure;
import org.zcp.store.StoreException;
import org.zcp.store.api.FolderChanges;
import org.zcp.store.api.FolderInfo;
import org.zcp.store.api.FolderMessages;
import org.zcp.store.api.FolderState;
import org.zcp.store.api.FolderTree;
import org.zcp.store.api.MessageFlags;
import org.zcp.store.api.MessageSummary;
import org.zcp.store.api.StoreFailure;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.logon.Logon;
import org.zcp.store.session.Session;
import org.zcp.store.session.SessionManager;

/**
 * The store side of IMAP (docs/imap.md): the folders of the user's store as mailboxes ("INBOX"
 * for the receive folder, "/" as delimiter), UIDVALIDITY = the folder's id, UIDs and MODSEQs
 * from the store, flags mapped to MAPI (\Seen read flag, \Flagged flag status, \Answered and
 * $Forwarded last verb, \Deleted delete-marked status, \Draft unsent), the text served byte for
 * byte (the RFC 822 kept at delivery or append, else a conversion kept from then on).
 */
@Stateless
public class ImapService {
    static final String PROGRAM = "zarafa-gateway (imap)";
    /** Where the public store's folders appear (imap_public_folders = yes). */
    static final String PUBLIC_FOLDERS = "Public folders";

    @Inject
    Logon logon;

    @Inject
    SessionManager sessions;

    @Inject
    ServerSettings settings;

    @Inject
    FolderMessages index;

    @Inject
    FolderTree folderTree;

    public ImapBackend.Login login(String user, String password, String peer, boolean tls) {
        try {
            Session s = logon.gateway(user, password, peer, "imap", PROGRAM);
            return new ImapBackend.Login(ImapBackend.Status.OK, s.id(), null);
        } catch (StoreException x) {
            return new ImapBackend.Login(ImapBackend.Status.DENIED, null,
                    x.error() == org.zcp.api.mapi.MapiError.MAPI_E_NO_ACCESS ? x.getMessage() : "Authentication failed");
        }
    }

    public void logout(String session) {
        logon.logoff(session);
    }

    // ---- mailboxes: the store's FolderTree, named the IMAP way --------------------------------

    /** A mailbox: its IMAP name and its folder. */
    private record Box(String name, long folder, FolderInfo.Special special) {
    }

    /** Where a new mailbox goes: the folder a name's parent part names, or the top of the tree. */
    private record Tree(long root, List<Box> boxes) {
    }

    /**
     * Every visible mailbox, parents first: the user's folders (the receive folder as INBOX, "/"
     * in a folder's name as "_"), then (gateway.cfg imap_public_folders) the public store of the
     * user's company under "Public folders", only the folders the user may see there. With
     * imap_only_mailfolders, calendars, contacts, tasks, notes and journal are left out with
     * their subfolders.
     */
    private Tree tree(String session) {
        return tree(session, true);
    }

    /**
     * The user's mailboxes; with {@code withPublic} also the public folders (when served), whose
     * tree is read anew each time (what a user sees there depends on rights), where the private
     * store's is kept in memory (FolderTrees).
     */
    private Tree tree(String session, boolean withPublic) {
        FolderTree.Hierarchy own = wrap(() -> folderTree.folders(session));
        List<Box> out = new ArrayList<>();
        name(own, "", out, false);
        if (withPublic && settings.gateway().getBool("imap_public_folders")) {
            FolderTree.Hierarchy pub = wrap(() -> folderTree.publicFolders(session));
            if (pub != null) {
                out.add(new Box(PUBLIC_FOLDERS, pub.rootId(), FolderInfo.Special.NONE));
                name(pub, PUBLIC_FOLDERS + "/", out, true);
            }
        }
        return new Tree(own.rootId(), out);
    }

    private void name(FolderTree.Hierarchy h, String prefix, List<Box> out, boolean publicStore) {
        boolean onlyMail = settings.gateway().getBool("imap_only_mailfolders");
        Map<Long, String> names = new HashMap<>();
        names.put(h.rootId(), null);
        for (FolderInfo f : h.folders()) {
            if (!names.containsKey(f.parentId())) continue; // below a folder left out
            String cls = f.containerClass();
            if (onlyMail && cls != null && !cls.isEmpty() && !cls.startsWith("IPF.Note") && !cls.startsWith("IPM")) {
                continue;
            }
            String parent = names.get(f.parentId());
            String name = f.special() == FolderInfo.Special.INBOX && !publicStore ? "INBOX"
                    : (parent == null ? prefix : parent + "/") + f.name().replace("/", "_");
            if (!publicStore && parent == null && name.equals(PUBLIC_FOLDERS)) name = PUBLIC_FOLDERS + "_"; // taken
            names.put(f.id(), name);
            out.add(new Box(name, f.id(), publicStore ? FolderInfo.Special.NONE : f.special()));
        }
    }

    private static Box box(Tree t, String name) {
        for (Box b : t.boxes()) {
            if (b.name().equals(name) || name.equalsIgnoreCase("INBOX") && b.name().equals("INBOX")) return b;
        }
        throw new Failure("NONEXISTENT", "no mailbox " + name);
    }

    /**
     * A mailbox by name. Only "Public folders" and the names below it are public ones (a private
     * folder of that name is shown as "Public folders_"), so any other name is found in the user's
     * own tree alone: APPEND, SELECT, STATUS and COPY no longer read the public store's folders.
     */
    private Box box(String session, String name) {
        boolean inPublic = name.equals(PUBLIC_FOLDERS) || name.startsWith(PUBLIC_FOLDERS + "/");
        return box(tree(session, inPublic), name);
    }

    /** The folder a new mailbox of this name goes into. */
    private static long parentOf(Tree t, String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? t.root() : box(t, name.substring(0, slash)).folder();
    }

    private static String leaf(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    public List<ImapBackend.Folder> folders(String session) {
        live(session);
        List<Box> all = tree(session).boxes();
        Set<Long> subscribed = wrap(() -> folderTree.subscriptions(session));
        List<ImapBackend.Folder> out = new ArrayList<>();
        for (Box b : all) {
            List<String> attrs = new ArrayList<>();
            boolean children = all.stream().anyMatch(o -> o.name().startsWith(b.name() + "/"));
            attrs.add(children ? "\\HasChildren" : "\\HasNoChildren");
            // SPECIAL-USE (RFC 6154) from the store's special folders
            switch (b.special()) {
                case SENT -> attrs.add("\\Sent");
                case TRASH -> attrs.add("\\Trash");
                case DRAFTS -> attrs.add("\\Drafts");
                case JUNK -> attrs.add("\\Junk");
                default -> {
                }
            }
            out.add(new ImapBackend.Folder(b.name(), Long.toString(b.folder()), attrs, subscribed.contains(b.folder())));
        }
        return out;
    }

    public void create(String session, String name) {
        live(session);
        Tree t = tree(session);
        if (t.boxes().stream().anyMatch(b -> b.name().equals(name))) throw new Failure("ALREADYEXISTS", "exists");
        long parent = parentOf(t, name);
        wrap(() -> folderTree.create(session, parent, leaf(name), "IPF.Note"));
    }

    public void delete(String session, String name) {
        live(session);
        Tree t = tree(session);
        Box b = box(t, name);
        if (b.name().equals("INBOX")) throw new Failure("CANNOT", "the INBOX cannot be deleted");
        // a MAPI folder takes its subfolders with it, where RFC 3501 6.3.4 keeps them: refused
        // rather than deleting mail the client did not name (RFC 5530 HASCHILDREN)
        if (t.boxes().stream().anyMatch(o -> o.name().startsWith(b.name() + "/"))) {
            throw new Failure("HASCHILDREN", "delete the mailboxes below it first");
        }
        wrap(() -> {
            folderTree.delete(session, b.folder());
            return null;
        });
    }

    public void rename(String session, String from, String to) {
        live(session);
        Tree t = tree(session);
        Box b = box(t, from);
        if (t.boxes().stream().anyMatch(o -> o.name().equals(to))) throw new Failure("ALREADYEXISTS", "exists");
        long parent = parentOf(t, to);
        wrap(() -> {
            folderTree.move(session, b.folder(), parent, leaf(to));
            return null;
        });
    }

    /**
     * Subscriptions are kept by folder, so they follow a renamed folder; a name that is no
     * mailbox cannot be subscribed (NONEXISTENT), and unsubscribing one is a no-op.
     */
    public void subscribe(String session, String name, boolean on) {
        live(session);
        Box b;
        try {
            b = box(session, name);
        } catch (Failure missing) {
            if (on) throw missing;
            return;
        }
        wrap(() -> {
            folderTree.subscribe(session, b.folder(), on);
            return null;
        });
    }

    public ImapBackend.MailboxState open(String session, String name) {
        live(session);
        long f = box(session, name).folder();
        FolderState st = wrap(() -> index.open(session, f));
        return new ImapBackend.MailboxState(Long.toString(f), st.uidValidity(), st.uidNext(), st.highestModSeq(),
                st.messages(), st.unseen(), st.readOnly(), st.keywords(), st.recent());
    }

    public long recent(String session, String mailboxId, long upTo, boolean claim) {
        live(session);
        long f = folderId(mailboxId);
        return wrap(() -> index.recent(session, f, upTo, claim));
    }

    /** A mailbox id as {@link #open} hands it out: the folder's id (its UIDVALIDITY). */
    private static long folderId(String mailboxId) {
        try {
            return Long.parseLong(mailboxId);
        } catch (NumberFormatException e) {
            throw new Failure("NONEXISTENT", "no such mailbox");
        }
    }

    // ---- messages: the store's FolderMessages, flags named the IMAP way --------------------------

    public List<ImapBackend.MessageInfo> messages(String session, String mailboxId) {
        live(session);
        return infos(wrap(() -> index.list(session, folderId(mailboxId))));
    }

    private static List<ImapBackend.MessageInfo> infos(List<MessageSummary> list) {
        List<ImapBackend.MessageInfo> out = new ArrayList<>(list.size());
        // a folder has few distinct flag combinations: each named once
        Map<MessageFlags, Set<String>> names = new HashMap<>();
        for (MessageSummary m : list) {
            out.add(new ImapBackend.MessageInfo(m.uid(), m.modSeq(), names.computeIfAbsent(m.flags(), ImapFlags::names),
                    m.size(), m.internalDate()));
        }
        return out;
    }

    public ImapBackend.Changes changes(String session, String mailboxId, long modSeq) {
        return changes(session, mailboxId, modSeq, -1);
    }

    /** {@link ImapBackend#changes(String, String, long, long)}: the changes and the \Recent claim in one transaction. */
    public ImapBackend.Changes changes(String session, String mailboxId, long modSeq, long claimAbove) {
        live(session);
        long f = folderId(mailboxId);
        FolderChanges c = wrap(() -> index.changes(session, f, modSeq));
        List<ImapBackend.MessageInfo> changed = infos(c.changed());
        long upTo = ImapBackend.claimUpTo(changed, claimAbove);
        long floor = upTo < 0 ? -1 : wrap(() -> index.recent(session, f, upTo, true));
        return new ImapBackend.Changes(c.highestModSeq(), changed, c.removed(), floor);
    }

    /** Octets of message texts one call hands out (at least one message, however big). */
    static final long TEXT_BATCH_OCTETS = 4L * 1024 * 1024;

    public Map<Long, byte[]> texts(String session, String mailboxId, List<Long> uids) {
        live(session);
        return wrap(() -> index.texts(session, folderId(mailboxId), uids, TEXT_BATCH_OCTETS));
    }

    public Map<Long, String> derived(String session, String mailboxId, List<Long> uids) {
        live(session);
        return wrap(() -> index.derived(session, folderId(mailboxId), uids));
    }

    public void keepDerived(String session, String mailboxId, Map<Long, String> values) {
        live(session);
        wrap(() -> {
            index.keepDerived(session, folderId(mailboxId), values);
            return null;
        });
    }

    public Set<Long> subjectMatches(String session, String mailboxId, String text) {
        live(session);
        return wrap(() -> index.subjectContains(session, folderId(mailboxId), text));
    }

    public ImapBackend.StoreResult store(String session, String mailboxId, List<Long> uids, ImapBackend.FlagMode mode,
            Set<String> flags, long unchangedSince) {
        live(session);
        long folder = folderId(mailboxId);
        FolderMessages.FlagMode how = switch (mode) {
            case SET -> FolderMessages.FlagMode.SET;
            case ADD -> FolderMessages.FlagMode.ADD;
            case REMOVE -> FolderMessages.FlagMode.REMOVE;
        };
        FolderMessages.FlagResult r = wrap(() -> index.setFlags(session, folder, uids, how, ImapFlags.of(flags),
                unchangedSince));
        if (mode != ImapBackend.FlagMode.REMOVE && ImapFlags.has(flags, "\\Deleted")
                && settings.gateway().getBool("imap_expunge_on_delete")) {
            // manual 4.11.2 / imap_expunge_on_delete: \Deleted removes at once; sessions hear EXPUNGE
            wrap(() -> index.expunge(session, folder, r.updated().stream().map(MessageSummary::uid).toList()));
        }
        return new ImapBackend.StoreResult(infos(r.updated()), r.failed());
    }

    public ImapBackend.CopyResult copy(String session, String mailboxId, List<Long> uids, String destination,
            boolean move) {
        live(session);
        Box dest = box(session, destination);
        FolderMessages.CopyResult r = wrap(() -> index.copy(session, folderId(mailboxId), uids, dest.folder(), move));
        return new ImapBackend.CopyResult(r.uidValidity(), r.sourceUids(), r.destinationUids());
    }

    public List<Long> expunge(String session, String mailboxId, List<Long> uids) {
        live(session);
        return wrap(() -> index.expunge(session, folderId(mailboxId), uids));
    }

    public ImapBackend.AppendResult append(String session, String mailbox, byte[] message, Set<String> flags,
            long internalDate) {
        live(session);
        Box b;
        try {
            b = box(session, mailbox);
        } catch (Failure missing) {
            throw new Failure("TRYCREATE", "no mailbox " + mailbox);
        }
        long uid = wrap(() -> {
            try {
                return index.append(session, b.folder(), new ByteArrayInputStream(message), ImapFlags.of(flags),
                        internalDate);
            } catch (IOException e) {
                throw new StoreException(MapiError.MAPI_E_CALL_FAILED, "the message could not be read");
            }
        });
        return new ImapBackend.AppendResult(b.folder(), uid);
    }

    /**
     * The store session behind an IMAP connection; once it has ended (the user's rights changed,
     * review finding 9) the connection hears {@code EXPIRED} and is closed with BYE.
     */
    private Session live(String session) {
        try {
            return sessions.require(session);
        } catch (StoreException e) {
            if (e.error() == MapiError.MAPI_E_END_OF_SESSION) throw new Failure(ImapBackend.EXPIRED, "session ended");
            throw e;
        }
    }

    /** Store failures as IMAP response codes (RFC 5530). */
    private static <T> T wrap(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreFailure e) {
            String code = switch (e.kind()) {
                case NO_ACCESS -> "NOPERM";
                case QUOTA -> "OVERQUOTA";
                case EXISTS -> "ALREADYEXISTS";
                case NOT_FOUND -> "NONEXISTENT";
                case SESSION_ENDED -> ImapBackend.EXPIRED;
                case INVALID, CONFLICT -> "CANNOT";
                case TEMPORARY -> "UNAVAILABLE";
            };
            String text = e.getMessage() == null ? e.kind().name() : e.getMessage().toLowerCase(Locale.ROOT);
            throw new Failure(code, text);
        }
    }
}
