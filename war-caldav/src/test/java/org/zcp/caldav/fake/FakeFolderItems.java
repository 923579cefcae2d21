package org.zcp.caldav.fake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zcp.store.api.FolderItems;
import org.zcp.store.api.StoreFailure.Kind;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.NamedProp;

/**
 * The item API as its javadoc says, in memory: one change counter for the store, a journal per
 * folder (with a floor a test can raise, as journal retention does), names checked as safe path
 * segments, expectations checked before anything is written.
 */
public final class FakeFolderItems implements FolderItems {
    private record Change(long modSeq, String name, boolean removed) {
    }

    private final FakeWebLogons logons;
    private final FakeFolderTree tree;
    private final Map<Long, LinkedHashMap<String, Item>> folders = new HashMap<>();
    private final Map<Long, List<Change>> journals = new HashMap<>();
    private final Map<Long, Long> floors = new HashMap<>();
    private final Map<String, Integer> named = new HashMap<>();
    private long modSeq = 1000;
    private long uid = 0;
    public int propIdCalls;

    public FakeFolderItems(FakeWebLogons logons, FakeFolderTree tree) {
        this.logons = logons;
        this.tree = tree;
    }

    private LinkedHashMap<String, Item> folder(String session, long folderId) {
        logons.check(session);
        if (tree.get(folderId) == null) throw new FakeFailure(Kind.NOT_FOUND, "no folder " + folderId);
        return folders.computeIfAbsent(folderId, id -> new LinkedHashMap<>());
    }

    /** The folder's highest change number (0 when nothing happened in it). */
    public long highestModSeq(long folderId) {
        List<Change> j = journals.getOrDefault(folderId, List.of());
        return j.isEmpty() ? 0 : j.get(j.size() - 1).modSeq();
    }

    /** Journal retention: tokens below this are no longer answered. */
    public void forgetBefore(long folderId, long seq) {
        floors.put(folderId, seq);
    }

    @Override
    public List<ItemRef> list(String session, long folderId) {
        return folder(session, folderId).values().stream().map(Item::ref)
                .sorted((a, b) -> Long.compare(a.uid(), b.uid())).toList();
    }

    @Override
    public List<Item> get(String session, long folderId, Collection<String> names) {
        Map<String, Item> f = folder(session, folderId);
        List<Item> out = new ArrayList<>();
        for (String n : names) if (f.containsKey(n)) out.add(f.get(n));
        return out;
    }

    @Override
    public ItemRef put(String session, long folderId, String name, Message item, Expect expect) {
        Map<String, Item> f = folder(session, folderId);
        if (name == null || name.isEmpty() || name.length() > 255 || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7F)) {
            throw new FakeFailure(Kind.INVALID, "unsafe name " + name);
        }
        Item cur = f.get(name);
        if (!expect.metBy(cur == null ? null : cur.ref().modSeq())) throw new FakeFailure(Kind.CONFLICT, "expectation");
        long seq = ++modSeq;
        ItemRef ref = cur == null ? new ItemRef(name, ++uid, seq, String.format("%032x", uid))
                : new ItemRef(name, cur.ref().uid(), seq, cur.ref().entryId());
        if (item.attachments != null) {
            for (org.zcp.store.api.mapi.Attachment a : item.attachments) a.size = size(a);
        }
        f.put(name, new Item(ref, item));
        journals.computeIfAbsent(folderId, id -> new ArrayList<>()).add(new Change(seq, name, false));
        return ref;
    }

    /** An attachment's size as the store counts it: its content, or the message it holds. */
    private static long size(org.zcp.store.api.mapi.Attachment a) {
        if (a.embedded == null) return a.data == null ? 0 : a.data.length;
        long n = 0;
        for (org.zcp.store.api.mapi.PropValue v : a.embedded.props) n += v.s != null ? v.s.length() : 8;
        if (a.embedded.attachments != null) for (var inner : a.embedded.attachments) n += size(inner);
        return n;
    }

    @Override
    public void delete(String session, long folderId, String name, Expect expect) {
        Map<String, Item> f = folder(session, folderId);
        Item cur = f.get(name);
        if (cur == null) throw new FakeFailure(Kind.NOT_FOUND, "no item " + name);
        if (!expect.metBy(cur.ref().modSeq())) throw new FakeFailure(Kind.CONFLICT, "expectation");
        f.remove(name);
        journals.computeIfAbsent(folderId, id -> new ArrayList<>()).add(new Change(++modSeq, name, true));
    }

    @Override
    public ItemChanges changes(String session, long folderId, long token) {
        Map<String, Item> f = folder(session, folderId);
        long high = highestModSeq(folderId);
        if (token > high || token != 0 && token < floors.getOrDefault(folderId, 0L)) {
            throw new FakeFailure(Kind.INVALID, "token out of range");
        }
        List<ItemRef> changed = f.values().stream().map(Item::ref).filter(r -> r.modSeq() > token)
                .sorted((a, b) -> Long.compare(a.modSeq(), b.modSeq())).toList();
        List<String> removed = new ArrayList<>();
        if (token != 0) {
            for (Change c : journals.getOrDefault(folderId, List.of())) {
                if (c.removed() && c.modSeq() > token && !f.containsKey(c.name()) && !removed.contains(c.name())) {
                    removed.add(c.name());
                }
            }
        }
        return new ItemChanges(high, changed, removed);
    }

    private final Map<Long, Map<String, String>> kept = new HashMap<>();

    @Override
    public Map<Long, Map<String, String>> collectionProps(String session, Collection<Long> folderIds) {
        logons.check(session);
        Map<Long, Map<String, String>> out = new HashMap<>();
        for (Long id : folderIds) {
            Map<String, String> k = kept.get(id);
            if (k != null && !k.isEmpty() && tree.get(id) != null) out.put(id, Map.copyOf(k));
        }
        return out;
    }

    @Override
    public void setCollectionProps(String session, long folderId, Map<String, String> props) {
        folder(session, folderId);
        Map<String, String> k = kept.computeIfAbsent(folderId, f -> new HashMap<>());
        props.forEach((key, v) -> {
            if (v == null) k.remove(key);
            else k.put(key, v);
        });
    }

    @Override
    public List<Item> peek(String session, long folderId, Collection<Integer> tags) {
        List<Item> out = new ArrayList<>();
        for (Item it : folder(session, folderId).values()) {
            Message m = new Message();
            m.entryId = it.ref().entryId();
            m.props = new ArrayList<>(it.message().props.stream().filter(p -> tags.contains(p.tag)).toList());
            out.add(new Item(it.ref(), m));
        }
        return out;
    }

    @Override
    public List<String> namesWith(String session, long folderId, NamedProp key, String value) {
        Map<String, Item> f = folder(session, folderId);
        int tag = id(key) << 16 | 0x001F;
        List<String> out = new ArrayList<>();
        for (Item i : f.values()) {
            if (i.message().props.stream().anyMatch(p -> p.tag == tag && value != null && value.equals(p.s))) {
                out.add(i.ref().name());
            }
        }
        return out.isEmpty() ? out : out.subList(0, 1);
    }

    @Override
    public List<Integer> propIds(String session, List<NamedProp> names) {
        logons.check(session);
        propIdCalls++;
        List<Integer> out = new ArrayList<>();
        for (NamedProp n : names) out.add(id(n));
        return out;
    }

    private int id(NamedProp n) {
        String key = n.guid + (n.id != null ? "#" + n.id : ":" + n.name);
        return named.computeIfAbsent(key, k -> 0x8500 + named.size());
    }
}
