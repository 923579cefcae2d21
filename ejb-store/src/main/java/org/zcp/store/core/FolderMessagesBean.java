package org.zcp.store.core;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.StoreException;
import org.zcp.store.api.FolderChanges;
import org.zcp.store.api.FolderMessages;
import org.zcp.store.api.FolderState;
import org.zcp.store.api.MessageFlags;
import org.zcp.store.api.MessageSummary;
import org.zcp.store.cache.StoreCaches;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.entity.ChangeEntry;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.Access;
import org.zcp.store.mapi.BatchedWrites;
import org.zcp.store.mapi.FlagColumns;
import org.zcp.store.mapi.MessageService;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.mime.MimeToMapi;
import org.zcp.store.session.Session;
import org.zcp.store.session.SessionManager;

/**
 * The messages of a folder by UID (docs/store-api.md), for IMAP, POP3 and what comes after them.
 * The queries read the hot columns without managing entities where a list is long (SELECT of
 * 10,000 messages), and the properties of flags in one query per folder.
 */
@Stateless
public class FolderMessagesBean implements FolderMessages {
    @Inject
    SessionManager sessions;

    @Inject
    ObjectStore objects;

    @Inject
    StoreCaches caches;

    @Inject
    MessageService messages;

    @Inject
    Access access;

    @Inject
    ServerSettings settings;

    @Inject
    Keywords keywords;

    @Inject
    FolderIndex folderIndex;

    @Inject
    BatchedWrites batched;

    @Inject
    RecentMarks recentMarks;

    @Inject
    org.zcp.store.mapi.JournalFloors journalFloors;

    // ---- reading -------------------------------------------------------------------------------

    @Override
    public FolderState open(String session, long folderId) {
        Session s = sessions.require(session);
        HierarchyObject f = folder(s, folderId);
        FolderIndex.Entry e = current(f);
        int unseen = 0;
        int recent = 0;
        long mark = recentMarks.recent(f.id, 0, false, () -> f.recentUid);
        long highest = Math.max(f.changeNum, e.modSeq());
        for (MessageSummary m : e.messages()) {
            highest = Math.max(highest, m.modSeq());
            if (!m.flags().read()) unseen++;
            if (m.uid() > mark) recent++;
        }
        boolean readOnly = (access.rights(s, f.id) & (Rights.EDIT_ANY | Rights.CREATE)) == 0;
        return new FolderState(f.id, f.nextUid, Math.max(1, highest), e.messages().size(), unseen, readOnly,
                e.keywords(), recent);
    }

    @Override
    public long recent(String session, long folderId, long upTo, boolean claim) {
        Session s = sessions.require(session);
        HierarchyObject f = folder(s, folderId);
        // taken in memory, atomically, and written behind (RecentMarks)
        return recentMarks.recent(f.id, upTo, claim, () -> f.recentUid);
    }

    @Override
    public List<MessageSummary> list(String session, long folderId) {
        Session s = sessions.require(session);
        HierarchyObject f = folder(s, folderId);
        return current(f).messages();
    }

    /**
     * The folder's messages now: the index's entry brought up to date from the journal (FolderIndex),
     * or read whole when there is none. The journal's highest change number is read first, so the
     * entry claims no change it may have missed: whatever is read after it is at least that new, and
     * what is newer is applied again, harmlessly, by the next reader.
     */
    private FolderIndex.Entry current(HierarchyObject f) {
        long asOf = objects.journalMax(f.id);
        FolderIndex.Entry held = folderIndex.get(f.id);
        if (held != null && held.modSeq() >= asOf) return held;
        FolderIndex.Entry now;
        FolderChanges d = held == null ? null : delta(f, held.modSeq());
        if (d == null) {
            List<MessageSummary> all = summaries(rows(f), f, true);
            Set<String> used = new LinkedHashSet<>();
            for (MessageSummary m : all) used.addAll(m.flags().keywords());
            now = new FolderIndex.Entry(asOf, all, List.copyOf(used));
        } else {
            now = held.apply(new FolderChanges(asOf, d.changed(), d.removed()));
        }
        folderIndex.put(f.id, now);
        return now;
    }

    @Override
    public FolderChanges changes(String session, long folderId, long modSeq) {
        Session s = sessions.require(session);
        HierarchyObject f = folder(s, folderId);
        // a folder in the index: its entry brought up to date, the messages above modSeq taken from
        // it and only the removals read; the session's poll after its own STORE 1:1000 then reads
        // no row back (FolderIndex.learn). Without an entry, just the rows changed since.
        if (folderIndex.get(f.id) == null) {
            FolderChanges d = delta(f, modSeq);
            if (d != null) return d;
        }
        FolderIndex.Entry e = current(f);
        if (e.modSeq() <= modSeq) return new FolderChanges(modSeq, List.of(), List.of());
        List<MessageSummary> changed = new ArrayList<>();
        for (MessageSummary m : e.messages()) if (m.modSeq() > modSeq) changed.add(m);
        List<Long> removed = removedSince(f, modSeq);
        return new FolderChanges(e.modSeq(), changed, removed != null ? removed : absentUids(e.messages(), f.nextUid));
    }

    /**
     * Messages of the folder changed after {@code modSeq} and the UIDs that left it since, from the
     * journal; null when the journal was pruned past {@code modSeq}.
     */
    private FolderChanges delta(HierarchyObject f, long modSeq) {
        // parent and change number only, so the planner takes hierarchy_parent_changenum (Flyway V5) and
        // reads just what changed; the rest is checked here on those few rows (plain values, no entities)
        List<Row> changed = new ArrayList<>();
        for (Object[] r : objects.em().createQuery("select h.id, h.imapUid, h.changeNum, h.msgFlags, h.size, h.created,"
                + " h.type, h.flags, h.deletedAt, h.deliveryTime, h.msgStatus, h.flagStatus, h.lastVerb"
                + " from HierarchyObject h where h.parentId = :p and h.changeNum > :m",
                Object[].class).setParameter("p", f.id).setParameter("m", modSeq).getResultList()) {
            if (((Number) r[6]).intValue() != ObjectType.MAPI_MESSAGE || ((Number) r[7]).intValue() != 0
                    || r[8] != null) {
                continue;
            }
            changed.add(new Row((Long) r[0], (Long) r[1], (Long) r[2], ((Number) r[3]).intValue(),
                    ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), (Long) r[9], (Integer) r[10],
                    (Integer) r[11], (Integer) r[12]));
        }
        changed.sort(java.util.Comparator.comparingLong(Row::imapUid));
        List<Long> removed = removedSince(f, modSeq);
        if (removed == null) return null;
        return new FolderChanges(Math.max(modSeq, journalHighest(f)), summaries(changed, f, false), removed);
    }

    /**
     * The UIDs of messages that left the folder after {@code modSeq} (deleted, moved out, purged),
     * from the journal; null when the journal may no longer hold them all (pruned past {@code
     * modSeq}: sync_lifetime). The floor is asked after the journal was read (JournalFloors).
     */
    private List<Long> removedSince(HierarchyObject f, long modSeq) {
        List<Long> uids = objects.em().createQuery("select c.imapUid from ChangeEntry c where c.parentId = :p"
                + " and c.changeNum > :m and c.changeType in (" + ChangeEntry.DELETE + ", " + ChangeEntry.MOVE_OUT
                + ", " + ChangeEntry.PURGE + ") and c.objectType = :t", Long.class)
                .setParameter("p", f.id).setParameter("m", modSeq).setParameter("t", ObjectType.MAPI_MESSAGE)
                .getResultList().stream().distinct().toList();
        return modSeq < journalFloors.of(f.storeId) ? null : uids;
    }

    /**
     * What may have left a folder when the journal cannot say: every UID it gave out that is not
     * among its messages now (RFC 7162 lets VANISHED (EARLIER) name UIDs a client never saw; a
     * session ignores those it does not hold).
     */
    static List<Long> absentUids(List<MessageSummary> present, long nextUid) {
        List<Long> out = new ArrayList<>();
        int i = 0;
        for (long uid = 1; uid < nextUid; uid++) {
            while (i < present.size() && present.get(i).uid() < uid) i++;
            if (i < present.size() && present.get(i).uid() == uid) continue;
            out.add(uid);
        }
        return out;
    }

    @Override
    public Map<Long, byte[]> texts(String session, long folderId, List<Long> uids, long octetBudget) {
        Session s = sessions.require(session);
        HierarchyObject f = folder(s, folderId);
        if (uids.isEmpty()) return Map.of();
        Map<Long, byte[]> dense = denseTexts(s, f, uids, octetBudget);
        if (dense != null) return dense;
        // the messages and the sizes of their texts in one query of plain values (no entity managed)
        Set<Long> wanted = new HashSet<>(uids);
        Map<Long, long[]> byUid = new HashMap<>();
        for (Object[] r : objects.em().createQuery("select h.imapUid, h.id, h.size, z.valLong from HierarchyObject h"
                + " left join PropertyRow z on z.hierarchyId = h.id and z.tag = :size where h.parentId = :p"
                + " and h.type = :t and h.imapUid between :lo and :hi and h.deletedAt is null and h.flags = 0",
                Object[].class).setParameter("size", PropTag.PR_EC_IMAP_EMAIL_SIZE).setParameter("p", f.id)
                .setParameter("t", ObjectType.MAPI_MESSAGE).setParameter("lo", Collections.min(uids))
                .setParameter("hi", Collections.max(uids)).getResultList()) {
            long uid = (Long) r[0];
            if (!wanted.contains(uid)) continue;
            long size = r[3] != null ? (Long) r[3] : ((Number) r[2]).longValue();
            byUid.put(uid, new long[] {(Long) r[1], size});
        }
        // the batch: requested order, within the octet budget (always the first present one)
        Map<Long, Long> batch = new LinkedHashMap<>();
        long octets = 0;
        for (long uid : uids) {
            long[] h = byUid.get(uid);
            if (h == null || batch.containsKey(uid)) continue;
            if (!batch.isEmpty() && octets + h[1] > octetBudget) break;
            batch.put(uid, h[0]);
            octets += h[1];
        }
        Map<Long, byte[]> raw = new HashMap<>();
        long lo = Collections.min(batch.keySet());
        long hi = Collections.max(batch.keySet());
        // the texts by UID range when the batch is dense (FETCH 1:*), else by id: a sparse set
        // (FETCH 1,5000) must not read every text in between
        String where = hi - lo + 1 <= 2L * batch.size()
                ? " p.hierarchyId = h.id and h.parentId = :p and h.type = :t and h.imapUid between :lo and :hi"
                : " p.hierarchyId = h.id and h.id in :ids";
        var q = objects.em().createQuery("select p.hierarchyId, p.valBinary from PropertyRow p, HierarchyObject h where"
                + where + " and p.tag = :tag", Object[].class).setParameter("tag", MimeToMapi.PR_EC_IMAP_EMAIL);
        if (where.contains(":lo")) {
            q.setParameter("p", f.id).setParameter("t", ObjectType.MAPI_MESSAGE).setParameter("lo", lo)
                    .setParameter("hi", hi);
        } else {
            q.setParameter("ids", batch.values());
        }
        Set<Long> ids = new HashSet<>(batch.values());
        for (Object[] r : q.getResultList()) {
            if (ids.contains((Long) r[0])) raw.put((Long) r[0], (byte[]) r[1]);
        }
        Map<Long, byte[]> out = new LinkedHashMap<>();
        batch.forEach((uid, id) -> {
            byte[] text = raw.get(id);
            out.put(uid, text != null ? text : converted(s, objects.object(id)));
        });
        return out;
    }

    /**
     * {@link #texts} of a run of UIDs (FETCH 1:*, SEARCH TEXT) when the folder index knows every
     * one of them: the sizes for the octet budget come from the index, and the kept texts are read
     * by UID range in one query; null when the UIDs are sparse or the index lacks one (then the
     * general path reads the sizes too).
     */
    private Map<Long, byte[]> denseTexts(Session s, HierarchyObject f, List<Long> uids, long octetBudget) {
        long lo = Collections.min(uids);
        long hi = Collections.max(uids);
        if (hi - lo + 1 > 2L * uids.size()) return null;
        Map<Long, MessageSummary> known = new HashMap<>();
        for (MessageSummary m : current(f).messages()) {
            if (m.uid() >= lo && m.uid() <= hi) known.put(m.uid(), m);
        }
        // the batch: requested order, within the octet budget (always the first present one)
        List<Long> batch = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long octets = 0;
        for (long uid : uids) {
            MessageSummary m = known.get(uid);
            if (m == null) return null; // gone, or not in the index: the general path decides
            if (!seen.add(uid)) continue;
            if (!batch.isEmpty() && octets + m.size() > octetBudget) break;
            batch.add(uid);
            octets += m.size();
        }
        Map<Long, byte[]> raw = new HashMap<>();
        for (Object[] r : propertyByUid(f, "p.valBinary", MimeToMapi.PR_EC_IMAP_EMAIL, Collections.min(batch),
                Collections.max(batch))) {
            raw.put((Long) r[0], (byte[]) r[1]);
        }
        // messages made over MAPI have no kept text yet: converted (and kept) one by one
        List<Long> unkept = batch.stream().filter(uid -> !raw.containsKey(uid)).toList();
        Map<Long, Row> rows = unkept.isEmpty() ? Map.of() : rowsByUid(f, unkept);
        Map<Long, byte[]> out = new LinkedHashMap<>();
        for (long uid : batch) {
            byte[] text = raw.get(uid);
            if (text == null) {
                Row h = rows.get(uid);
                if (h == null) continue; // gone since the index was read
                text = converted(s, objects.object(h.id()));
            }
            out.put(uid, text);
        }
        return out;
    }

    @Override
    public Map<Long, Long> exactSizes(String session, long folderId, List<Long> uids) {
        Session s = sessions.require(session);
        HierarchyObject f = folder(s, folderId);
        Map<Long, Row> byUid = rowsByUid(f, uids);
        Map<Long, Long> kept = sizes(readProps(f, byUid.keySet(), List.of(PropTag.PR_EC_IMAP_EMAIL_SIZE)));
        Map<Long, Long> out = new LinkedHashMap<>();
        for (long uid : uids) {
            Row h = byUid.get(uid);
            if (h == null) continue;
            Long size = kept.get(h.id());
            out.put(uid, size != null ? size : converted(s, objects.object(h.id())).length);
        }
        return out;
    }

    @Override
    public Map<Long, String> derived(String session, long folderId, List<Long> uids) {
        Session s = sessions.require(session);
        HierarchyObject f = folder(s, folderId);
        Map<Long, String> out = new HashMap<>();
        if (uids.isEmpty()) return out;
        // from memory where the cache has them (the folder and UID are the session's to read: checked above)
        long stamp = caches.derivedStamp();
        Set<Long> wanted = new HashSet<>();
        for (long uid : uids) {
            String v = caches.derived(f.id, uid);
            if (v != null) out.put(uid, v);
            else wanted.add(uid);
        }
        if (wanted.isEmpty()) return out;
        // the rest in one range query of plain values: no entity managed, nothing to compare at commit
        Map<Long, String> read = new HashMap<>();
        for (Object[] r : propertyByUid(f, "p.valString, p.valText", PropTag.PR_EC_IMAP_DERIVED,
                Collections.min(wanted), Collections.max(wanted))) {
            long uid = (Long) r[0];
            if (wanted.contains(uid)) read.put(uid, r[2] != null ? (String) r[2] : (String) r[1]);
        }
        caches.putDerived(f.id, read, stamp);
        out.putAll(read);
        return out;
    }

    @Override
    public void keepDerived(String session, long folderId, Map<Long, String> values) {
        Session s = sessions.require(session);
        HierarchyObject f = folder(s, folderId);
        if (values.isEmpty() || !storeRfc822()) return;
        for (Map.Entry<Long, Row> e : rowsByUid(f, List.copyOf(values.keySet())).entrySet()) {
            objects.keepDerived(f.id, e.getKey(), e.getValue().id(), PropValue.ofString(PropTag.PR_EC_IMAP_DERIVED,
                    values.get(e.getKey())));
        }
    }

    @Override
    public Set<Long> subjectContains(String session, long folderId, String text) {
        Session s = sessions.require(session);
        HierarchyObject f = folder(s, folderId);
        // '!' escapes: a backslash would need escaping itself in MariaDB's string literals
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_") + "%";
        return new HashSet<>(objects.em().createQuery("select h.imapUid from HierarchyObject h"
                + " where h.parentId = :p and h.type = :t and h.flags = 0 and h.deletedAt is null"
                + " and lower(h.subject) like :s escape '!'", Long.class).setParameter("p", f.id)
                .setParameter("t", ObjectType.MAPI_MESSAGE).setParameter("s", pattern).getResultList());
    }

    // ---- changing ------------------------------------------------------------------------------

    @Override
    public FlagResult setFlags(String session, long folderId, List<Long> uids, FlagMode mode, MessageFlags change,
            long unchangedSince) {
        Session s = sessions.require(session);
        HierarchyObject f = folder(s, folderId);
        // the store's change number first: flag writers of one store queue here, so what is read
        // below is what the others committed (a property row is then not inserted twice)
        objects.lockFresh(StoreEntity.class, f.storeId);
        List<Long> failed = new ArrayList<>();
        FolderIndex.Entry base = current(f);
        Map<Long, Row> byUid = rowsByUid(f, uids);
        int kw = keywords.tag();
        // what the message list knows of each (the folder index, brought up to date under the lock):
        // the size of its text, whether it is a draft, and whether it has categories at all; only
        // those that have (keywords, or the $Forwarded mark beside a reply) are read as rows
        Map<Long, MessageSummary> known = new HashMap<>();
        for (MessageSummary m : base.messages()) if (byUid.containsKey(m.uid())) known.put(m.uid(), m);
        List<Long> categorised = new ArrayList<>();
        for (long uid : byUid.keySet()) {
            MessageSummary k = known.get(uid);
            if (k == null || k.flags().forwarded() || !k.flags().keywords().isEmpty()) categorised.add(uid);
        }
        Map<Long, Map<Integer, PropValue>> props = readProps(f, categorised, List.of(kw));
        // in the user's own store (or as SYSTEM) every message may be changed and nothing is
        // audited: decided once, not per message (STORE 1:1000)
        boolean own = access.ownStore(s, f.storeId);
        List<BatchedWrites.Change> changes = new ArrayList<>();
        Map<Long, MessageFlags> after = new LinkedHashMap<>();
        Map<Long, Long> modseq = new HashMap<>();
        for (long uid : uids) {
            Row h = byUid.get(uid);
            if (h == null || after.containsKey(uid)) continue;
            if (unchangedSince > 0 && h.changeNum() > unchangedSince) {
                failed.add(uid);
                continue;
            }
            Map<Integer, PropValue> p = h.withFlags(props.getOrDefault(h.id(), Map.of()));
            MessageSummary k = known.get(uid);
            // a draft is an unsent message with a kept text; what it is does not change here
            MessageFlags now = MapiFlags.read(h.msgFlags(), p, k != null && k.flags().draft(), kw);
            MessageFlags next = MapiFlags.apply(now, mode, change);
            after.put(uid, next);
            if (next.equals(now)) continue;
            List<PropValue> values = MapiFlags.changes(p, next, kw);
            // marking read needs only the read right (as MAPI's SetReadFlags); anything else edit rights
            if (!own) access.check(s, h.id(), values.isEmpty() ? Access.Action.READ : Access.Action.EDIT,
                    values.isEmpty() ? Rights.READ_ANY : Rights.EDIT_ANY);
            int msgFlags = next.read() ? h.msgFlags() | PropTag.MSGFLAG_READ : h.msgFlags() & ~PropTag.MSGFLAG_READ;
            if (values.stream().anyMatch(v -> v.tag == kw)) {
                // keywords are a multi-valued property: written row by row through the object store
                modseq.put(uid, write(objects.object(h.id()), values, msgFlags));
                continue;
            }
            // the other flags are columns of the message's row (FlagColumns): one row update
            Map<Integer, Long> set = new HashMap<>();
            for (PropValue v : values) set.put(v.tag, v.l);
            changes.add(new BatchedWrites.Change(h.id(), f.id, ObjectType.MAPI_MESSAGE, uid, msgFlags,
                    column(set, PropTag.PR_MSG_STATUS, h.msgStatus()), column(set, PropTag.PR_FLAG_STATUS, h.flagStatus()),
                    column(set, PropTag.PR_LAST_VERB_EXECUTED, h.lastVerb())));
        }
        long[] nums = batched.write(f.storeId, changes, ChangeEntry.FLAGS);
        for (int i = 0; i < nums.length; i++) modseq.put(changes.get(i).imapUid(), nums[i]);
        // what the messages are now, known here: no second read (the journal gave them their MODSEQ)
        List<MessageSummary> out = new ArrayList<>();
        after.forEach((uid, flags) -> {
            Row h = byUid.get(uid);
            MessageSummary k = known.get(uid);
            long modSeq = Math.max(1, modseq.getOrDefault(uid, h.changeNum()));
            out.add(k != null ? new MessageSummary(uid, modSeq, flags, k.size(), k.internalDate())
                    : new MessageSummary(uid, modSeq, flags, h.size(),
                            h.deliveryTime() != null ? h.deliveryTime() : h.created()));
        });
        // the index learns what was written here, under the lock taken above, once it commits
        long highest = base.modSeq();
        for (long n : modseq.values()) highest = Math.max(highest, n);
        if (highest > base.modSeq() && known.keySet().containsAll(after.keySet())) {
            List<MessageSummary> written = new ArrayList<>();
            for (MessageSummary m : out) if (m.modSeq() > base.modSeq()) written.add(m);
            folderIndex.learn(f.id, base, new FolderChanges(highest, written, List.of()));
        }
        return new FlagResult(out, failed);
    }

    /** One message's new flags through the object store (keywords): one journal entry, its number returned. */
    private long write(HierarchyObject h, List<PropValue> values, int msgFlags) {
        h.msgFlags = msgFlags;
        objects.setProps(h, values);
        objects.invalidate(h.id);
        return objects.journal(h, ChangeEntry.FLAGS);
    }

    /** A flag column's new value: what the change sets, else what it is. */
    private static Integer column(Map<Integer, Long> set, int tag, Integer now) {
        if (!set.containsKey(tag)) return now;
        Long v = set.get(tag);
        return v == null ? null : (int) (long) v;
    }

    @Override
    public CopyResult copy(String session, long folderId, List<Long> uids, long destinationId, boolean move) {
        Session s = sessions.require(session);
        HierarchyObject f = folder(s, folderId);
        HierarchyObject dest = objects.liveFolder(destinationId);
        Map<Long, HierarchyObject> byUid = byUid(f, uids);
        List<Long> from = uids.stream().filter(byUid::containsKey).distinct().toList();
        List<Long> to = new ArrayList<>();
        if (!from.isEmpty()) {
            // one call, in UID order, so the copies get ascending UIDs in the same order (COPYUID)
            List<String> ids = messages.copy(s, from.stream().map(u -> objects.entryId(byUid.get(u))).toList(),
                    objects.entryId(dest), move);
            for (String id : ids) to.add(objects.resolve(id).imapUid);
        }
        return new CopyResult(dest.id, from, to);
    }

    @Override
    public List<Long> expunge(String session, long folderId, List<Long> uids) {
        Session s = sessions.require(session);
        HierarchyObject f = folder(s, folderId);
        List<HierarchyObject> msgs = uids == null ? objects.em().createQuery("select h from HierarchyObject h"
                + " where h.parentId = :p and h.type = :t and h.flags = 0 and h.deletedAt is null order by h.imapUid",
                HierarchyObject.class).setParameter("p", f.id).setParameter("t", ObjectType.MAPI_MESSAGE)
                .getResultList() : new ArrayList<>(byUid(f, uids).values());
        msgs.sort(java.util.Comparator.comparingLong(h -> h.imapUid));
        List<Long> out = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (HierarchyObject h : msgs) {
            if (h.msgStatus != null && (h.msgStatus & MapiFlags.MSGSTATUS_DELMARKED) != 0) {
                out.add(h.imapUid);
                ids.add(objects.entryId(h));
            }
        }
        if (!ids.isEmpty()) messages.delete(s, ids, false);
        return out;
    }

    @Override
    public List<Long> delete(String session, long folderId, List<Long> uids) {
        Session s = sessions.require(session);
        HierarchyObject f = folder(s, folderId);
        Map<Long, HierarchyObject> byUid = byUid(f, uids);
        List<Long> out = uids.stream().filter(byUid::containsKey).distinct().toList();
        if (!out.isEmpty()) messages.delete(s, out.stream().map(u -> objects.entryId(byUid.get(u))).toList(), false);
        return out;
    }

    @Override
    public long append(String session, long folderId, InputStream rfc822, MessageFlags flags, long internalDate)
            throws IOException {
        Session s = sessions.require(session);
        HierarchyObject f = objects.liveFolder(folderId);
        byte[] text = rfc822.readAllBytes();
        Message m;
        try {
            m = MimeToMapi.convert(MimeToMapi.parse(new ByteArrayInputStream(text)),
                    internalDate > 0 ? internalDate : System.currentTimeMillis());
        } catch (jakarta.mail.MessagingException e) {
            throw StoreException.invalid("the message cannot be read");
        }
        m.props.removeIf(p -> p.tag == PropTag.PR_MESSAGE_FLAGS);
        int msgFlags = flags.read() ? PropTag.MSGFLAG_READ : 0;
        if (flags.draft()) msgFlags |= PropTag.MSGFLAG_UNSENT;
        m.props.add(PropValue.ofLong(PropTag.PR_MESSAGE_FLAGS, msgFlags));
        // imap_store_rfc822 = no: only the MAPI message is kept; it is served converted back
        if (storeRfc822()) m.props.add(PropValue.ofBinary(MimeToMapi.PR_EC_IMAP_EMAIL, text));
        int kw = keywords.tag();
        List<PropValue> rest = MapiFlags.changes(Map.of(), flags, kw);
        // flag status, last verb, deleted mark and keywords with the message itself (one journal entry)
        m.props.removeIf(p -> rest.stream().anyMatch(r -> r.tag == p.tag));
        m.props.addAll(rest);
        String id = messages.create(s, objects.entryId(f), m, false);
        return objects.resolve(id).imapUid;
    }

    // ---- shared --------------------------------------------------------------------------------

    /**
     * What the message list needs of a message, read without managing entities: its row's columns,
     * the flag properties among them (FlagColumns).
     */
    record Row(long id, long imapUid, long changeNum, int msgFlags, long size, long created, Long deliveryTime,
            Integer msgStatus, Integer flagStatus, Integer lastVerb) {
        /** {@code props} with the flag properties of the row added (for MapiFlags). */
        Map<Integer, PropValue> withFlags(Map<Integer, PropValue> props) {
            if (msgStatus == null && flagStatus == null && lastVerb == null) return props;
            Map<Integer, PropValue> out = new HashMap<>(props);
            for (PropValue v : FlagColumns.values(msgStatus, flagStatus, lastVerb)) out.put(v.tag, v);
            return out;
        }
    }

    /** A live folder the session may read. */
    private HierarchyObject folder(Session s, long folderId) {
        HierarchyObject f = objects.liveFolder(folderId);
        access.check(s, f.id, Access.Action.READ, Rights.READ_ANY);
        return f;
    }

    /** The projection of {@link Row}: the hot columns only, no entity managed. */
    private static final String ROW = "select new " + Row.class.getName() + "(h.id, h.imapUid, h.changeNum,"
            + " h.msgFlags, h.size, h.created, h.deliveryTime, h.msgStatus, h.flagStatus, h.lastVerb)"
            + " from HierarchyObject h";

    private List<Row> rows(HierarchyObject folder) {
        return objects.em().createQuery(ROW + " where h.parentId = :p and h.type = :t and h.flags = 0"
                + " and h.deletedAt is null order by h.imapUid", Row.class).setParameter("p", folder.id)
                .setParameter("t", ObjectType.MAPI_MESSAGE).getResultList();
    }

    /** What the message list reads of a message besides its row: its keywords and the size of its kept text. */
    private static List<Integer> keywordAndSizeTags(int kw) {
        return List.of(kw, PropTag.PR_EC_IMAP_EMAIL_SIZE);
    }

    /** {@code whole}: {@code msgs} are all of the folder's messages (then one query without a range). */
    private List<MessageSummary> summaries(List<Row> msgs, HierarchyObject in, boolean whole) {
        List<MessageSummary> out = new ArrayList<>();
        if (msgs.isEmpty()) return out;
        int kw = keywords.tag();
        List<Integer> tags = keywordAndSizeTags(kw);
        Map<Long, Map<Integer, PropValue>> props;
        if (whole) {
            props = objects.readOfChildren(in.id, tags);
        } else {
            List<Long> uids = msgs.stream().map(Row::imapUid).toList();
            // a UID range when the messages are most of it (STORE 1:1000), else by id (a few changed ones)
            props = Collections.max(uids) - Collections.min(uids) + 1 <= 2L * uids.size() ? readProps(in, uids, tags)
                    : objects.read(msgs.stream().map(Row::id).toList(), tags);
        }
        for (Row h : msgs) out.add(summaryOf(h, props.getOrDefault(h.id(), Map.of()), kw));
        return out;
    }

    /**
     * A message's summary from its row and {@code props}, its keywords and the size of its kept
     * text as far as it has them (keywordAndSizeTags): how the message list sees a message, whether
     * read from the rows or learned from its creation (OwnArrivals).
     */
    static MessageSummary summaryOf(Row h, Map<Integer, PropValue> props, int kw) {
        Map<Integer, PropValue> p = h.withFlags(props);
        return summary(h, p, MapiFlags.read(h.msgFlags(), p, p.containsKey(PropTag.PR_EC_IMAP_EMAIL_SIZE), kw));
    }

    /**
     * A message's summary with these flags, its size from {@code p} (the kept text's, else the
     * row's) and its arrival from its row (PR_MESSAGE_DELIVERY_TIME's column, else its creation).
     */
    private static MessageSummary summary(Row h, Map<Integer, PropValue> p, MessageFlags flags) {
        PropValue kept = p.get(PropTag.PR_EC_IMAP_EMAIL_SIZE);
        long size = kept != null && kept.l != null ? kept.l : h.size();
        return new MessageSummary(h.imapUid(), Math.max(1, h.changeNum()), flags, size,
                h.deliveryTime() != null ? h.deliveryTime() : h.created());
    }

    /** Like {@link #props} for reading only: plain values, no entity managed. */
    private Map<Long, Map<Integer, PropValue>> readProps(HierarchyObject folder, java.util.Collection<Long> uids,
            List<Integer> tags) {
        if (uids.isEmpty()) return new HashMap<>();
        return objects.readOfMessages(folder.id, tags, Collections.min(uids), Collections.max(uids));
    }

    /** The folder's last journaled change number (kept in memory by the store once known). */
    private long journalHighest(HierarchyObject folder) {
        return objects.contentChangeNum(folder.id);
    }

    /**
     * The UID and {@code values} (columns of {@code p}) of one property of the folder's live
     * messages with UIDs from {@code lo} to {@code hi}: one index range and plain values, no
     * entity managed.
     */
    private List<Object[]> propertyByUid(HierarchyObject f, String values, int tag, long lo, long hi) {
        return objects.em().createQuery("select h.imapUid, " + values + " from PropertyRow p, HierarchyObject h"
                + " where p.hierarchyId = h.id and h.parentId = :p and h.type = :t and h.imapUid between :lo and :hi"
                + " and h.deletedAt is null and h.flags = 0 and p.tag = :tag", Object[].class)
                .setParameter("p", f.id).setParameter("t", ObjectType.MAPI_MESSAGE).setParameter("lo", lo)
                .setParameter("hi", hi).setParameter("tag", tag).getResultList();
    }

    /** The folder's messages with these UIDs (those still there), as rows: no entities to manage. */
    private Map<Long, Row> rowsByUid(HierarchyObject folder, List<Long> uids) {
        return inUidRange(folder, uids, ROW, Row.class, Row::imapUid);
    }

    /** The folder's messages with these UIDs (those still there). */
    private Map<Long, HierarchyObject> byUid(HierarchyObject folder, List<Long> uids) {
        return inUidRange(folder, uids, "select h from HierarchyObject h", HierarchyObject.class, h -> h.imapUid);
    }

    /**
     * {@code select} of the folder's live messages with these UIDs, by UID: a UID range (one index
     * range scan) rather than an IN list, which H2 compares row by row; UID sets are mostly runs,
     * and what is in the range but not asked for is dropped here.
     */
    private <T> Map<Long, T> inUidRange(HierarchyObject folder, List<Long> uids, String select, Class<T> type,
            java.util.function.ToLongFunction<T> uidOf) {
        Map<Long, T> out = new HashMap<>();
        if (uids.isEmpty()) return out;
        Set<Long> wanted = new HashSet<>(uids);
        for (T t : objects.em().createQuery(select + " where h.parentId = :p and h.type = :t"
                + " and h.imapUid between :lo and :hi and h.deletedAt is null", type).setParameter("p", folder.id)
                .setParameter("t", ObjectType.MAPI_MESSAGE).setParameter("lo", Collections.min(uids))
                .setParameter("hi", Collections.max(uids)).getResultList()) {
            long uid = uidOf.applyAsLong(t);
            if (wanted.contains(uid)) out.put(uid, t);
        }
        return out;
    }

    /**
     * The RFC 822 octets of each message that has them kept, without reading them: the size the
     * store keeps beside the text (ObjectStore.setProps; Flyway V6 for texts kept before).
     */
    private static Map<Long, Long> sizes(Map<Long, Map<Integer, PropValue>> props) {
        Map<Long, Long> out = new HashMap<>();
        props.forEach((id, p) -> {
            PropValue v = p.get(PropTag.PR_EC_IMAP_EMAIL_SIZE);
            if (v != null && v.l != null) out.put(id, v.l);
        });
        return out;
    }

    /**
     * A message made over MAPI as RFC 822; with imap_store_rfc822 = yes (default) kept from now on,
     * so every later fetch, RFC822.SIZE and POP3 LIST is the same bytes.
     */
    private byte[] converted(Session s, HierarchyObject h) {
        Message m = messages.load(s, objects.entryId(h));
        byte[] text = MimeTexts.text(messages, s, objects.entryId(h), m, h.size);
        if (storeRfc822()) {
            objects.setProps(h, List.of(PropValue.ofBinary(MimeToMapi.PR_EC_IMAP_EMAIL, text)));
            folderIndex.forget(List.of(h.parentId));
        }
        return text;
    }

    private boolean storeRfc822() {
        return settings.gateway().getBool("imap_store_rfc822");
    }
}
