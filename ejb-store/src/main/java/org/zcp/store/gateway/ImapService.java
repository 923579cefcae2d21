package org.zcp.store.gateway;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
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
import org.zcp.api.mapi.PropType;
import org.zcp.api.mapi.Rights;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.NamedProp;
import org.zcp.api.soap.PropValue;
import org.zcp.protocols.imap.ImapBackend;
import org.zcp.protocols.imap.ImapBackend.Failure;
import org.zcp.store.StoreException;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.delivery.MimeToMapi;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.ChangeEntry;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.Access;
import org.zcp.store.mapi.FolderService;
import org.zcp.store.mapi.MessageService;
import org.zcp.store.mapi.NamedProperties;
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
    static final int MSGSTATUS_DELMARKED = 0x8;
    /** The user's subscribed folders (entry ids) on the store root. */
    static final int PR_EC_IMAP_SUBSCRIBED = 0x67841102;
    /**
     * IMAP keywords are the message's categories (PidNameKeywords: PS_PUBLIC_STRINGS "Keywords",
     * multi-valued string), so Outlook and WebAccess show them and IMAP sees categories set there.
     */
    static final NamedProp KEYWORDS = NamedProp.ofName("00020329-0000-0000-C000-000000000046", "Keywords");
    private static volatile int keywordsTag;

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
    MessageService messages;

    @Inject
    FolderService folderService;

    @Inject
    Access access;

    @Inject
    ServerSettings settings;

    @Inject
    NamedProperties names;

    /** The categories property's tag on this server (named properties are mapped once per server). */
    private int keywordsTag() {
        int tag = keywordsTag;
        if (tag == 0) {
            tag = names.ids(List.of(KEYWORDS), true).get(0) << 16 | PropType.MV_FLAG | PropType.PT_UNICODE;
            keywordsTag = tag;
        }
        return tag;
    }

    /** What a message's IMAP flags and INTERNALDATE are made of. */
    private List<Integer> flagTags() {
        return List.of(PropTag.PR_MSG_STATUS, PropTag.PR_FLAG_STATUS, PropTag.PR_LAST_VERB_EXECUTED, keywordsTag(),
                PropTag.PR_MESSAGE_DELIVERY_TIME);
    }

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

    public void subscribe(String session, String name, boolean on) {
        Session s = live(session);
        StoreEntity store = store(s);
        Set<String> subs = subscriptions(store);
        String id = objects.entryId(box(s, name).folder());
        if (on) subs.add(id); else subs.remove(id);
        List<byte[]> bins = subs.stream().map(h -> HexFormat.of().parseHex(h)).toList();
        objects.setProps(objects.object(store.hierarchyId), List.of(PropValue.ofBinaries(PR_EC_IMAP_SUBSCRIBED, bins)));
    }

    public ImapBackend.MailboxState open(String session, String name) {
        Session s = live(session);
        HierarchyObject f = box(s, name).folder();
        wrap(() -> {
            access.check(s, f.id, Access.Action.READ, Rights.READ_ANY);
            return null;
        });
        List<Row> msgs = rows(f);
        long highest = f.changeNum;
        int unseen = 0;
        for (Row m : msgs) {
            highest = Math.max(highest, m.changeNum());
            if ((m.msgFlags() & PropTag.MSGFLAG_READ) == 0) unseen++;
        }
        highest = Math.max(highest, journalHighest(f));
        boolean readOnly = (access.rights(s, f.id) & (Rights.EDIT_ANY | Rights.CREATE)) == 0;
        return new ImapBackend.MailboxState(objects.entryId(f), f.id, f.nextUid, Math.max(1, highest), msgs.size(),
                unseen, readOnly, List.of());
    }

    /** What the message list needs of a message, read without managing entities (SELECT of 10,000 messages). */
    record Row(long id, long imapUid, long changeNum, int msgFlags, long size, long created) {
        static Row of(HierarchyObject h) {
            return new Row(h.id, h.imapUid, h.changeNum, h.msgFlags, h.size, h.created);
        }
    }

    private List<Row> rows(HierarchyObject folder) {
        return objects.em().createQuery("select new " + Row.class.getName()
                + "(h.id, h.imapUid, h.changeNum, h.msgFlags, h.size, h.created) from HierarchyObject h"
                + " where h.parentId = :p and h.type = :t and h.flags = 0 and h.deletedAt is null order by h.imapUid",
                Row.class).setParameter("p", folder.id).setParameter("t", ObjectType.MAPI_MESSAGE).getResultList();
    }

    private List<HierarchyObject> list(HierarchyObject folder) {
        return objects.em().createQuery("select h from HierarchyObject h where h.parentId = :p and h.type = :t"
                + " and h.flags = 0 and h.deletedAt is null order by h.imapUid", HierarchyObject.class)
                .setParameter("p", folder.id).setParameter("t", ObjectType.MAPI_MESSAGE).getResultList();
    }

    private HierarchyObject folder(Session s, String mailboxId) {
        HierarchyObject f = objects.resolve(mailboxId);
        if (f.type != ObjectType.MAPI_FOLDER || f.deletedAt != null) throw new Failure("NONEXISTENT", "mailbox gone");
        wrap(() -> {
            access.check(s, f.id, Access.Action.READ, Rights.READ_ANY);
            return null;
        });
        return f;
    }

    // ---- messages -----------------------------------------------------------------------------

    public List<ImapBackend.MessageInfo> messages(String session, String mailboxId) {
        Session s = live(session);
        HierarchyObject f = folder(s, mailboxId);
        return infos(rows(f), f);
    }

    private List<ImapBackend.MessageInfo> infos(List<Row> msgs) {
        return infos(msgs, null);
    }

    /** {@code folder}: all of {@code msgs} are this folder's messages (a whole-folder list). */
    private List<ImapBackend.MessageInfo> infos(List<Row> msgs, HierarchyObject folder) {
        List<ImapBackend.MessageInfo> out = new ArrayList<>();
        if (msgs.isEmpty()) return out;
        List<Long> ids = msgs.stream().map(Row::id).toList();
        List<Integer> tags = new ArrayList<>(flagTags());
        tags.add(PropTag.PR_EC_IMAP_EMAIL_SIZE);
        Map<Long, Map<Integer, PropValue>> props = folder != null ? objects.storedOfChildren(folder.id, tags)
                : objects.stored(ids, tags);
        Map<Long, Long> sizes = sizes(props);
        for (Row h : msgs) {
            Map<Integer, PropValue> p = props.getOrDefault(h.id(), Map.of());
            Long kept = sizes.get(h.id());
            long size = kept != null ? kept : h.size();
            PropValue dt = p.get(PropTag.PR_MESSAGE_DELIVERY_TIME);
            out.add(new ImapBackend.MessageInfo(h.imapUid(), Math.max(1, h.changeNum()),
                    flags(h.msgFlags(), p, kept != null), size, dt != null && dt.l != null ? dt.l : h.created()));
        }
        return out;
    }

    /** {@code mime}: the message has an RFC 822 text kept (a draft made over IMAP, not a MAPI draft). */
    private Set<String> flags(int msgFlags, Map<Integer, PropValue> p, boolean mime) {
        Set<String> f = new LinkedHashSet<>();
        if ((msgFlags & PropTag.MSGFLAG_READ) != 0) f.add("\\Seen");
        PropValue verb = p.get(PropTag.PR_LAST_VERB_EXECUTED);
        if (verb != null && verb.l != null && (verb.l == 102 || verb.l == 103)) f.add("\\Answered");
        if (verb != null && verb.l != null && verb.l == 104) f.add("$Forwarded");
        PropValue flag = p.get(PropTag.PR_FLAG_STATUS);
        if (flag != null && flag.l != null && flag.l == 2) f.add("\\Flagged");
        PropValue status = p.get(PropTag.PR_MSG_STATUS);
        if (status != null && status.l != null && (status.l & MSGSTATUS_DELMARKED) != 0) f.add("\\Deleted");
        if ((msgFlags & PropTag.MSGFLAG_UNSENT) != 0 && mime) f.add("\\Draft");
        PropValue kw = p.get(keywordsTag());
        if (kw != null && kw.mvs != null) f.addAll(kw.mvs);
        return f;
    }

    public ImapBackend.Changes changes(String session, String mailboxId, long modSeq) {
        Session s = live(session);
        HierarchyObject f = folder(s, mailboxId);
        // parent and change number only, so the planner takes hierarchy_parent_changenum (Flyway V5) and
        // reads just what changed; the rest is checked here on those few rows
        List<HierarchyObject> changed = objects.em().createQuery("select h from HierarchyObject h where h.parentId = :p"
                + " and h.changeNum > :m", HierarchyObject.class).setParameter("p", f.id).setParameter("m", modSeq)
                .getResultList().stream().filter(h -> h.type == ObjectType.MAPI_MESSAGE && h.flags == 0
                        && h.deletedAt == null).sorted(java.util.Comparator.comparingLong(h -> h.imapUid)).toList();
        List<Long> gone = objects.em().createQuery("select c.imapUid from ChangeEntry c where c.parentId = :p"
                + " and c.changeNum > :m and c.changeType in (:types) and c.objectType = :t", Long.class)
                .setParameter("p", f.id).setParameter("m", modSeq)
                .setParameter("types", List.of(ChangeEntry.DELETE, ChangeEntry.MOVE_OUT, ChangeEntry.PURGE))
                .setParameter("t", ObjectType.MAPI_MESSAGE).getResultList();
        return new ImapBackend.Changes(Math.max(modSeq, journalHighest(f)), infos(changed.stream().map(Row::of).toList()),
                gone.stream().distinct().toList());
    }

    /** The folder's last journaled change number: the newest entry by index, not a MAX over all. */
    private long journalHighest(HierarchyObject folder) {
        List<Long> last = objects.em().createQuery("select c.changeNum from ChangeEntry c where c.parentId = :p"
                + " order by c.changeNum desc", Long.class).setParameter("p", folder.id).setMaxResults(1).getResultList();
        return last.isEmpty() ? 0 : last.get(0);
    }

    /** The folder's messages with these UIDs (those still there). */
    private Map<Long, HierarchyObject> byUid(HierarchyObject folder, List<Long> uids) {
        Map<Long, HierarchyObject> out = new java.util.HashMap<>();
        if (uids.isEmpty()) return out;
        // a UID range (one index range scan) rather than an IN list, which H2 compares row by row;
        // UID sets are mostly runs, and what is in the range but not asked for is dropped here
        Set<Long> wanted = new java.util.HashSet<>(uids);
        long lo = java.util.Collections.min(uids);
        long hi = java.util.Collections.max(uids);
        for (HierarchyObject h : objects.em().createQuery("select h from HierarchyObject h where h.parentId = :p"
                + " and h.type = :t and h.imapUid between :lo and :hi and h.deletedAt is null", HierarchyObject.class)
                .setParameter("p", folder.id).setParameter("t", ObjectType.MAPI_MESSAGE).setParameter("lo", lo)
                .setParameter("hi", hi).getResultList()) {
            if (wanted.contains(h.imapUid)) out.put(h.imapUid, h);
        }
        return out;
    }

    /** Octets of message texts one call hands out (at least one message, however big). */
    static final long TEXT_BATCH_OCTETS = 16L * 1024 * 1024;

    public Map<Long, byte[]> texts(String session, String mailboxId, List<Long> uids) {
        Session s = live(session);
        HierarchyObject f = folder(s, mailboxId);
        if (uids.isEmpty()) return Map.of();
        Map<Long, HierarchyObject> byUid = byUid(f, uids);
        Map<Long, Long> sizes = sizes(byUid.values().stream().map(h -> h.id).toList());
        // the batch: requested order, within the octet budget (always the first present one)
        List<HierarchyObject> batch = new ArrayList<>();
        long octets = 0;
        for (long uid : uids) {
            HierarchyObject h = byUid.get(uid);
            if (h == null) continue;
            long size = sizes.getOrDefault(h.id, h.size);
            if (!batch.isEmpty() && octets + size > TEXT_BATCH_OCTETS) break;
            batch.add(h);
            octets += size;
        }
        Map<Long, PropValue> raw = new java.util.HashMap<>();
        objects.stored(batch.stream().map(h -> h.id).toList(), List.of(MimeToMapi.PR_EC_IMAP_EMAIL))
                .forEach((id, p) -> raw.put(id, p.get(MimeToMapi.PR_EC_IMAP_EMAIL)));
        Map<Long, byte[]> out = new java.util.LinkedHashMap<>();
        for (HierarchyObject h : batch) {
            PropValue v = raw.get(h.id);
            out.put(h.imapUid, v != null && v.bin != null ? v.bin : converted(s, h));
        }
        return out;
    }

    /**
     * The RFC 822 octets of each message that has them kept, without reading them: the size the
     * store keeps beside the text (ObjectStore.setProps; Flyway V6 for texts kept before).
     */
    private Map<Long, Long> sizes(List<Long> ids) {
        return sizes(objects.stored(ids, List.of(PropTag.PR_EC_IMAP_EMAIL_SIZE)));
    }

    /** {@code props}: stored properties of the messages including PR_EC_IMAP_EMAIL_SIZE. */
    private static Map<Long, Long> sizes(Map<Long, Map<Integer, PropValue>> props) {
        Map<Long, Long> out = new java.util.HashMap<>();
        props.forEach((id, p) -> {
            PropValue v = p.get(PropTag.PR_EC_IMAP_EMAIL_SIZE);
            if (v != null && v.l != null) out.put(id, v.l);
        });
        return out;
    }

    /**
     * A message made over MAPI as RFC 822; with imap_store_rfc822 = yes (default) kept from now on,
     * so every later fetch (and RFC822.SIZE) is the same bytes.
     */
    private byte[] converted(Session s, HierarchyObject h) {
        Message m = messages.load(s, objects.entryId(h));
        byte[] text = Mime.text(messages, s, objects.entryId(h), m, h.size);
        if (storeRfc822()) objects.setProps(h, List.of(PropValue.ofBinary(MimeToMapi.PR_EC_IMAP_EMAIL, text)));
        return text;
    }

    private boolean storeRfc822() {
        return settings.gateway().getBool("imap_store_rfc822");
    }

    public Set<Long> subjectMatches(String session, String mailboxId, String text) {
        Session s = live(session);
        HierarchyObject f = folder(s, mailboxId);
        // '!' escapes: a backslash would need escaping itself in MariaDB's string literals
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_") + "%";
        return new java.util.HashSet<>(objects.em().createQuery("select h.imapUid from HierarchyObject h"
                + " where h.parentId = :p and h.type = :t and h.flags = 0 and h.deletedAt is null"
                + " and lower(h.subject) like :s escape '!'", Long.class).setParameter("p", f.id)
                .setParameter("t", ObjectType.MAPI_MESSAGE).setParameter("s", pattern).getResultList());
    }

    public ImapBackend.StoreResult store(String session, String mailboxId, List<Long> uids, ImapBackend.FlagMode mode,
            Set<String> flags, long unchangedSince) {
        Session s = live(session);
        HierarchyObject f = folder(s, mailboxId);
        List<HierarchyObject> updated = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        Map<Long, HierarchyObject> byUid = byUid(f, uids);
        List<Long> ids = byUid.values().stream().map(h -> h.id).toList();
        Map<Long, Map<Integer, PropValue>> props = objects.stored(ids, flagTags());
        Map<Long, Long> kept = sizes(ids);
        for (long uid : uids) {
            HierarchyObject h = byUid.get(uid);
            if (h == null) continue;
            if (unchangedSince > 0 && h.changeNum > unchangedSince) {
                failed.add(uid);
                continue;
            }
            Map<Integer, PropValue> p = props.getOrDefault(h.id, Map.of());
            Set<String> now = flags(h.msgFlags, p, kept.containsKey(h.id));
            Set<String> next = new LinkedHashSet<>(mode == ImapBackend.FlagMode.SET ? Set.of() : now);
            if (mode == ImapBackend.FlagMode.REMOVE) {
                next.removeIf(x -> flags.stream().anyMatch(y -> y.equalsIgnoreCase(x)));
            } else {
                next.addAll(flags);
            }
            if (!next.equals(now)) apply(s, h, p, now, next);
            updated.add(h);
        }
        return new ImapBackend.StoreResult(infos(updated.stream().map(Row::of).toList()), failed);
    }

    private void apply(Session s, HierarchyObject h, Map<Integer, PropValue> p, Set<String> now, Set<String> next) {
        wrap(() -> {
            access.check(s, h.id, Access.Action.EDIT, Rights.EDIT_ANY);
            return null;
        });
        boolean seen = has(next, "\\Seen");
        if (seen != has(now, "\\Seen")) messages.setReadFlags(s, List.of(objects.entryId(h)), seen);
        List<PropValue> props = new ArrayList<>();
        long status = p.get(PropTag.PR_MSG_STATUS) == null || p.get(PropTag.PR_MSG_STATUS).l == null ? 0
                : p.get(PropTag.PR_MSG_STATUS).l;
        status = has(next, "\\Deleted") ? status | MSGSTATUS_DELMARKED : status & ~MSGSTATUS_DELMARKED;
        props.add(PropValue.ofLong(PropTag.PR_MSG_STATUS, status));
        props.add(PropValue.ofLong(PropTag.PR_FLAG_STATUS, has(next, "\\Flagged") ? 2 : 0));
        if (has(next, "\\Answered")) props.add(PropValue.ofLong(PropTag.PR_LAST_VERB_EXECUTED, 102));
        else if (has(next, "$Forwarded")) props.add(PropValue.ofLong(PropTag.PR_LAST_VERB_EXECUTED, 104));
        else props.add(PropValue.ofLong(PropTag.PR_LAST_VERB_EXECUTED, 0));
        List<String> keywords = next.stream().filter(x -> !x.startsWith("\\") && !x.equalsIgnoreCase("$Forwarded"))
                .toList();
        props.add(PropValue.ofStrings(keywordsTag(), keywords));
        // only what changed is written (STORE +FLAGS (\\Flagged) on 1,000 messages touches one property each)
        props.removeIf(v -> same(p.get(v.tag), v));
        if (!props.isEmpty()) objects.setProps(h, props);
        objects.journal(h, ChangeEntry.FLAGS);
        objects.invalidate(h.id);
        if (has(next, "\\Deleted") && !has(now, "\\Deleted") && settings.gateway().getBool("imap_expunge_on_delete")) {
            // manual 4.11.2 / imap_expunge_on_delete: \Deleted removes at once; sessions hear EXPUNGE
            messages.delete(s, List.of(objects.entryId(h)), false);
        }
    }

    /** A flag property's stored value equals the wanted one (absent = 0 or no keywords). */
    private static boolean same(PropValue stored, PropValue wanted) {
        if (wanted.mvs != null) {
            List<String> was = stored == null || stored.mvs == null ? List.of() : stored.mvs;
            return was.equals(wanted.mvs);
        }
        long was = stored == null || stored.l == null ? 0 : stored.l;
        return wanted.l != null && was == wanted.l;
    }

    private static boolean has(Set<String> flags, String flag) {
        return flags.stream().anyMatch(f -> f.equalsIgnoreCase(flag));
    }

    public ImapBackend.CopyResult copy(String session, String mailboxId, List<Long> uids, String destination,
            boolean move) {
        Session s = live(session);
        HierarchyObject f = folder(s, mailboxId);
        Box dest = box(s, destination);
        Map<Long, HierarchyObject> byUid = byUid(f, uids);
        List<Long> from = uids.stream().filter(byUid::containsKey).distinct().toList();
        List<Long> to = new ArrayList<>();
        if (!from.isEmpty()) {
            // one call, in UID order, so the copies get ascending UIDs in the same order (COPYUID)
            List<String> ids = wrap(() -> messages.copy(s, from.stream().map(u -> objects.entryId(byUid.get(u))).toList(),
                    objects.entryId(dest.folder()), move));
            for (String id : ids) to.add(objects.resolve(id).imapUid);
        }
        return new ImapBackend.CopyResult(dest.folder().id, from, to);
    }

    public List<Long> expunge(String session, String mailboxId, List<Long> uids) {
        Session s = live(session);
        HierarchyObject f = folder(s, mailboxId);
        List<HierarchyObject> msgs = list(f);
        Map<Long, Map<Integer, PropValue>> props = msgs.isEmpty() ? Map.of()
                : objects.stored(msgs.stream().map(h -> h.id).toList(), List.of(PropTag.PR_MSG_STATUS));
        List<Long> out = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (HierarchyObject h : msgs) {
            PropValue st = props.getOrDefault(h.id, Map.of()).get(PropTag.PR_MSG_STATUS);
            boolean marked = st != null && st.l != null && (st.l & MSGSTATUS_DELMARKED) != 0;
            if (marked && (uids == null || uids.contains(h.imapUid))) {
                out.add(h.imapUid);
                ids.add(objects.entryId(h));
            }
        }
        if (!ids.isEmpty()) wrap(() -> {
            messages.delete(s, ids, false);
            return null;
        });
        return out;
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
        Message m;
        try {
            m = MimeToMapi.convert(MimeToMapi.parse(new ByteArrayInputStream(message)),
                    internalDate > 0 ? internalDate : System.currentTimeMillis());
        } catch (jakarta.mail.MessagingException e) {
            throw new Failure("PARSE", "the message cannot be read");
        }
        m.props.removeIf(p -> p.tag == PropTag.PR_MESSAGE_FLAGS);
        int msgFlags = has(flags, "\\Seen") ? PropTag.MSGFLAG_READ : 0;
        if (has(flags, "\\Draft")) msgFlags |= PropTag.MSGFLAG_UNSENT;
        m.props.add(PropValue.ofLong(PropTag.PR_MESSAGE_FLAGS, msgFlags));
        // imap_store_rfc822 = no: only the MAPI message is kept; IMAP serves it converted back
        if (storeRfc822()) m.props.add(PropValue.ofBinary(MimeToMapi.PR_EC_IMAP_EMAIL, message));
        String id = wrap(() -> messages.create(s, objects.entryId(b.folder()), m, false));
        HierarchyObject h = objects.resolve(id);
        Set<String> rest = new LinkedHashSet<>(flags);
        rest.removeIf(x -> x.equalsIgnoreCase("\\Seen") || x.equalsIgnoreCase("\\Draft"));
        if (!rest.isEmpty()) {
            Map<Integer, PropValue> p = objects.stored(List.of(h.id), flagTags()).getOrDefault(h.id, Map.of());
            apply(s, h, p, flags(h.msgFlags, p, storeRfc822()), new LinkedHashSet<>(flags));
        }
        return new ImapBackend.AppendResult(b.folder().id, h.imapUid);
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

    /** Store errors as IMAP response codes. */
    private static <T> T wrap(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreException e) {
            MapiError err = e.error();
            String code = switch (err) {
                case MAPI_E_NO_ACCESS -> "NOPERM";
                case MAPI_E_STORE_FULL -> "OVERQUOTA";
                case MAPI_E_COLLISION -> "ALREADYEXISTS";
                case MAPI_E_NOT_FOUND -> "NONEXISTENT";
                default -> "CANNOT";
            };
            throw new Failure(code, e.getMessage() == null ? err.name() : e.getMessage().toLowerCase(Locale.ROOT));
        }
    }
}
