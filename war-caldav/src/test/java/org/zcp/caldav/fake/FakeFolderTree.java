package org.zcp.caldav.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.zcp.store.api.FolderInfo;
import org.zcp.store.api.FolderTree;
import org.zcp.store.api.StoreFailure.Kind;

/**
 * One store's folders below an IPM subtree of id 1 (the fakes keep one store: alice's), and the
 * folders she shares with others.
 */
public final class FakeFolderTree implements FolderTree {
    public static final long ROOT = 1;
    private final FakeWebLogons logons;
    private final List<FolderInfo> folders = new ArrayList<>();
    private long nextId = 100;

    public FakeFolderTree(FakeWebLogons logons) {
        this.logons = logons;
    }

    /** Adds a folder directly (test setup). */
    public long add(long parentId, String name, String containerClass) {
        long id = nextId++;
        folders.add(new FolderInfo(id, parentId, name, containerClass, FolderInfo.Special.NONE));
        return id;
    }

    public FolderInfo get(long id) {
        return java.util.stream.Stream.concat(folders.stream(), publicFolders.stream()).filter(f -> f.id() == id)
                .findFirst().orElse(null);
    }

    @Override
    public Hierarchy folders(String session) {
        logons.check(session);
        return new Hierarchy(ROOT, List.copyOf(folders));
    }

    private final java.util.Map<String, java.util.Set<Long>> shared = new java.util.HashMap<>();

    /** The store's owner (alice) lets another user see a folder (its ACL, in the real store). */
    public void share(long folderId, String with) {
        shared.computeIfAbsent(with, k -> new java.util.HashSet<>()).add(folderId);
    }

    /** Whether alice shares the folder with {@code viewer}. */
    public boolean sharedWith(String viewer, long folderId) {
        return shared.getOrDefault(viewer, java.util.Set.of()).contains(folderId);
    }

    /** The first folder of this name, or null. */
    public Long named(String name) {
        return folders.stream().filter(f -> f.name().equals(name)).map(FolderInfo::id).findFirst().orElse(null);
    }

    /** Only alice has a store here; others see what she shares with them. */
    @Override
    public Hierarchy foldersOf(String session, String owner) {
        String viewer = logons.check(session);
        if (!"alice".equalsIgnoreCase(owner) && !"alice@example.com".equalsIgnoreCase(owner)) return null;
        if (viewer.equals("alice")) return folders(session);
        java.util.Set<Long> ids = shared.getOrDefault(viewer, java.util.Set.of());
        return new Hierarchy(ROOT, folders.stream().filter(f -> ids.contains(f.id())).toList());
    }

    @Override
    public long inbox(String session) {
        throw new UnsupportedOperationException();
    }

    /** The company's public store: its IPM subtree and the folders below it, seen by everybody. */
    public static final long PUBLIC_ROOT = 2;
    private final List<FolderInfo> publicFolders = new ArrayList<>();

    /** Adds a public folder directly (test setup). */
    public long addPublic(String name, String containerClass) {
        long id = nextId++;
        publicFolders.add(new FolderInfo(id, PUBLIC_ROOT, name, containerClass, FolderInfo.Special.NONE));
        return id;
    }

    @Override
    public Hierarchy publicFolders(String session) {
        logons.check(session);
        return publicFolders.isEmpty() ? null : new Hierarchy(PUBLIC_ROOT, List.copyOf(publicFolders));
    }

    @Override
    public long create(String session, long parentId, String name, String containerClass) {
        logons.check(session);
        if (folders.stream().anyMatch(f -> f.parentId() == parentId && f.name().equalsIgnoreCase(name))) {
            throw new FakeFailure(Kind.EXISTS, "name taken");
        }
        return add(parentId, name, containerClass);
    }

    @Override
    public void move(String session, long folderId, long parentId, String name) {
        logons.check(session);
        FolderInfo f = get(folderId);
        if (f == null) throw new FakeFailure(Kind.NOT_FOUND, "no folder");
        folders.set(folders.indexOf(f), new FolderInfo(f.id(), parentId, name, f.containerClass(), f.special()));
    }

    @Override
    public void delete(String session, long folderId) {
        logons.check(session);
        if (!folders.removeIf(f -> f.id() == folderId)) throw new FakeFailure(Kind.NOT_FOUND, "no folder");
        folders.removeIf(f -> f.parentId() == folderId);
    }

    @Override
    public Set<Long> subscriptions(String session) {
        return Set.of();
    }

    @Override
    public void subscribe(String session, long folderId, boolean subscribed) {
        throw new UnsupportedOperationException();
    }
}
