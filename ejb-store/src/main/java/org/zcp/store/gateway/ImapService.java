package org.zcp.store.gateway;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.api.soap.PropValue;
import org.zcp.protocols.imap.ImapBackend;
import org.zcp.protocols.imap.ImapBackend.Failure;
import org.zcp.store.StoreException;
import org.zcp.store.api.FolderChanges;
import org.zcp.store.api.FolderMessages;
import org.zcp.store.api.FolderState;
import org.zcp.store.api.MessageSummary;
import org.zcp.store.api.StoreFailure;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.Access;
import org.zcp.store.mapi.FolderService;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.store.mapi.StoreManager;
import org.zcp.store.session.Logon;
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
    /** The user's subscribed folders (entry ids) on the store root. */
    static final int PR_EC_IMAP_SUBSCRIBED = 0x67841102;

    @Inject
    Logon logon;

    @Inject
    SessionManager sessions;

    @Inject
    Directory directory;

    @Inject
    StoreManager stores;

    @Inject
    ObjectStore objects;

    @Inject
    FolderService folderService;

    @Inject
    Access access;

    @Inject
    ServerSettings settings;

    @Inject
    FolderMessages index;

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

    // ---- mailboxes ----------------------------------------------------------------------------

    private record Box(String name, HierarchyObject folder) {
    }

    private StoreEntity store(Session s) {
        return stores.privateStoreOf(s.userId()).orElseThrow(() -> new Failure("NONEXISTENT", "no store"));
    }

    /**
     * Every visible mailbox, parents first: the user's folders, then (gateway.cfg
     * imap_public_folders) the public store of the user's company under "Public folders", only
     * the folders the user may see there.
     */
    private List<Box> boxes(Session s) {
        StoreEntity store = store(s);
        long inbox = stores.receiveFolder(store.id, "IPM").orElse(-1L);
        List<Box> out = new ArrayList<>();
        walk(stores.ipmSubtree(store), "", inbox, out, null);
        if (settings.gateway().getBool("imap_public_folders")) {
            stores.publicStoreOf(s.companyId()).ifPresent(pub -> {
                HierarchyObject root = stores.ipmSubtree(pub);
                if (!visible(s, root)) return;
                out.add(new Box(PUBLIC_FOLDERS, root));
                walk(root, PUBLIC_FOLDERS + "/", -1, out, s);
            });
        }
        return out;
    }

    /** {@code rightsOf}: check each folder's rights for this session (folders of a store not its own). */
    private void walk(HierarchyObject parent, String prefix, long inbox, List<Box> out, Session rightsOf) {
        boolean onlyMail = settings.gateway().getBool("imap_only_mailfolders");
        for (HierarchyObject f : objects.children(parent.id, ObjectType.MAPI_FOLDER, false)) {
            String cls = f.containerClass;
            if (onlyMail && cls != null && !cls.isEmpty() && !cls.startsWith("IPF.Note") && !cls.startsWith("IPM")) {
                continue;
            }
            if (rightsOf != null && !visible(rightsOf, f)) continue;
            String name = f.id == inbox ? "INBOX" : prefix + f.displayName.replace("/", "_");
            if (name.equals(PUBLIC_FOLDERS) && rightsOf == null) name = PUBLIC_FOLDERS + "_"; // the name is taken
            out.add(new Box(name, f));
            walk(f, name + "/", inbox, out, rightsOf);
        }
    }

    private boolean visible(Session s, HierarchyObject folder) {
        return (access.rights(s, folder.id) & (Rights.FOLDER_VISIBLE | Rights.READ_ANY)) != 0;
    }

    private Box box(Session s, String name) {
        for (Box b : boxes(s)) {
            if (b.name().equals(name) || name.equalsIgnoreCase("INBOX") && b.name().equals("INBOX")) return b;
        }
        throw new Failure("NONEXISTENT", "no mailbox " + name);
    }

    public List<ImapBackend.Folder> folders(String session) {
        Session s = live(session);
        StoreEntity store = store(s);
        Map<Integer, PropValue> root = objects.stored(store.hierarchyId);
        // SPECIAL-USE (RFC 6154) from the store's special folders; a store without one just lacks it
        Map<String, String> special = new java.util.HashMap<>();
        special.put(hex(root.get(PropTag.PR_IPM_SENTMAIL_ENTRYID)), "\\Sent");
        special.put(hex(root.get(PropTag.PR_IPM_WASTEBASKET_ENTRYID)), "\\Trash");
        special.put(hex(root.get(PropTag.PR_IPM_DRAFTS_ENTRYID)), "\\Drafts");
        special.put(junk(root), "\\Junk");
        special.remove(null);
        Set<String> subscribed = subscriptions(store);
        List<Box> all = boxes(s);
        List<ImapBackend.Folder> out = new ArrayList<>();
        for (Box b : all) {
            List<String> attrs = new ArrayList<>();
            boolean children = all.stream().anyMatch(o -> o.name().startsWith(b.name() + "/"));
            attrs.add(children ? "\\HasChildren" : "\\HasNoChildren");
            String id = objects.entryId(b.folder());
            if (special.containsKey(id)) attrs.add(special.get(id));
            out.add(new ImapBackend.Folder(b.name(), id, attrs, subscribed.contains(id)));
        }
        return out;
    }

    private static String hex(PropValue v) {
        return v == null || v.bin == null ? null : HexFormat.of().withUpperCase().formatHex(v.bin);
    }

    private static String junk(Map<Integer, PropValue> root) {
        PropValue ren = root.get(PropTag.PR_ADDITIONAL_REN_ENTRYIDS);
        if (ren == null || ren.mvbin == null || ren.mvbin.size() < 5) return null;
        return HexFormat.of().withUpperCase().formatHex(ren.mvbin.get(4));
    }

    private Set<String> subscriptions(StoreEntity store) {
        PropValue v = objects.stored(store.hierarchyId).get(PR_EC_IMAP_SUBSCRIBED);
        Set<String> out = new LinkedHashSet<>();
        if (v != null && v.mvbin != null) v.mvbin.forEach(b -> out.add(HexFormat.of().withUpperCase().formatHex(b)));
        return out;
    }

    public void create(String session, String name) {
        Session s = live(session);
        if (boxes(s).stream().anyMatch(b -> b.name().equals(name))) throw new Failure("ALREADYEXISTS", "exists");
        int slash = name.lastIndexOf('/');
        String parent = slash < 0 ? objects.entryId(stores.ipmSubtree(store(s)))
                : objects.entryId(box(s, name.substring(0, slash)).folder());
        wrap(() -> folderService.create(s, parent, name.substring(slash + 1), "IPF.Note", false));
    }

    public void delete(String session, String name) {
        Session s = live(session);
        Box b = box(s, name);
        if (b.name().equals("INBOX")) throw new Failure("CANNOT", "the INBOX cannot be deleted");
        // a MAPI folder takes its subfolders with it, where RFC 3501 6.3.4 keeps them: refused
        // rather than deleting mail the client did not name (RFC 5530 HASCHILDREN)
        if (boxes(s).stream().anyMatch(o -> o.name().startsWith(b.name() + "/"))) {
            throw new Failure("HASCHILDREN", "delete the mailboxes below it first");
        }
        wrap(() -> {
            folderService.delete(s, objects.entryId(b.folder()), false);
            return null;
        });
    }

    public void rename(String session, String from, String to) {
        Session s = live(session);
        Box b = box(s, from);
        if (boxes(s).stream().anyMatch(o -> o.name().equals(to))) throw new Failure("ALREADYEXISTS", "exists");
        int slash = to.lastIndexOf('/');
        String parent = slash < 0 ? objects.entryId(stores.ipmSubtree(store(s)))
                : objects.entryId(box(s, to.substring(0, slash)).folder());
        wrap(() -> folderService.copy(s, objects.entryId(b.folder()), parent, to.substring(slash + 1), true));
    }

    /**
     * Subscriptions are kept by folder, so they follow a renamed folder; a name that is no
     * mailbox cannot be subscribed (NONEXISTENT), and unsubscribing one is a no-op.
     */
    public void subscribe(String session, String name, boolean on) {
        Session s = live(session);
        StoreEntity store = store(s);
        Set<String> subs = subscriptions(store);
        Box b;
        try {
            b = box(s, name);
        } catch (Failure missing) {
            if (on) throw missing;
            return;
        }
        String id = objects.entryId(b.folder());
        if (on ? !subs.add(id) : !subs.remove(id)) return;
        List<byte[]> bins = subs.stream().map(h -> HexFormat.of().parseHex(h)).toList();
        wrap(() -> {
            objects.setProps(objects.object(store.hierarchyId), List.of(PropValue.ofBinaries(PR_EC_IMAP_SUBSCRIBED, bins)));
            return null;
        });
    }

    public ImapBackend.MailboxState open(String session, String name) {
        Session s = live(session);
        HierarchyObject f = box(s, name).folder();
        FolderState st = wrap(() -> index.open(session, f.id));
        return new ImapBackend.MailboxState(Long.toString(f.id), st.uidValidity(), st.uidNext(), st.highestModSeq(),
                st.messages(), st.unseen(), st.readOnly(), st.keywords());
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
        for (MessageSummary m : list) {
            out.add(new ImapBackend.MessageInfo(m.uid(), m.modSeq(), ImapFlags.names(m.flags()), m.size(),
                    m.internalDate()));
        }
        return out;
    }

    public ImapBackend.Changes changes(String session, String mailboxId, long modSeq) {
        live(session);
        FolderChanges c = wrap(() -> index.changes(session, folderId(mailboxId), modSeq));
        return new ImapBackend.Changes(c.highestModSeq(), infos(c.changed()), c.removed());
    }

    /** Octets of message texts one call hands out (at least one message, however big). */
    static final long TEXT_BATCH_OCTETS = 16L * 1024 * 1024;

    public Map<Long, byte[]> texts(String session, String mailboxId, List<Long> uids) {
        live(session);
        return wrap(() -> index.texts(session, folderId(mailboxId), uids, TEXT_BATCH_OCTETS));
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
        Session s = live(session);
        Box dest = box(s, destination);
        FolderMessages.CopyResult r = wrap(() -> index.copy(session, folderId(mailboxId), uids, dest.folder().id, move));
        return new ImapBackend.CopyResult(r.uidValidity(), r.sourceUids(), r.destinationUids());
    }

    public List<Long> expunge(String session, String mailboxId, List<Long> uids) {
        live(session);
        return wrap(() -> index.expunge(session, folderId(mailboxId), uids));
    }

    public ImapBackend.AppendResult append(String session, String mailbox, byte[] message, Set<String> flags,
            long internalDate) {
        Session s = live(session);
        Box b;
        try {
            b = box(s, mailbox);
        } catch (Failure missing) {
            throw new Failure("TRYCREATE", "no mailbox " + mailbox);
        }
        long uid = wrap(() -> {
            try {
                return index.append(session, b.folder().id, new ByteArrayInputStream(message), ImapFlags.of(flags),
                        internalDate);
            } catch (IOException e) {
                throw new StoreException(MapiError.MAPI_E_CALL_FAILED, "the message could not be read");
            }
        });
        return new ImapBackend.AppendResult(b.folder().id, uid);
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
                case INVALID -> "CANNOT";
                case TEMPORARY -> "UNAVAILABLE";
            };
            String text = e.getMessage() == null ? e.kind().name() : e.getMessage().toLowerCase(Locale.ROOT);
            throw new Failure(code, text);
        }
    }
}
