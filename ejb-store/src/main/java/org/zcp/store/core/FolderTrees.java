package org.zcp.store.core;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.zcp.store.api.FolderTree;
import org.zcp.store.cache.SizedCache;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.mapi.FolderGeneration;

/**
 * Private stores' folder trees as {@code FolderTree.folders} gives them, kept while no folder
 * changed anywhere ({@link FolderGeneration}): IMAP resolves a mailbox name through the tree for
 * every SELECT, STATUS, APPEND, COPY and LIST, which read the store's folders, its root's
 * properties and its receive folders each time (7 statements per APPEND on MariaDB). A private
 * store's own tree needs no rights (its owner sees every folder), so one tree serves every session
 * of the store. Bounded by a 64th of {@code cache_cell_size}.
 */
@ApplicationScoped
public class FolderTrees {
    private record Kept(long generation, FolderTree.Hierarchy tree) {
    }

    @Inject
    ServerSettings settings;

    private SizedCache<Long, Kept> kept;

    @PostConstruct
    void init() {
        kept = new SizedCache<>("folder trees", settings.getSize("cache_cell_size") / 64,
                k -> 64 + 96L * k.tree().folders().size());
    }

    /** The store's tree: the kept one while no folder changed since it was read, else {@code read}'s. */
    FolderTree.Hierarchy of(long storeId, Supplier<FolderTree.Hierarchy> read) {
        long generation = FolderGeneration.current(); // before reading: a change meanwhile outdates it
        Kept k = kept.get(storeId);
        if (k != null && k.generation() == generation) return k.tree();
        FolderTree.Hierarchy tree = read.get();
        kept.put(storeId, new Kept(generation, new FolderTree.Hierarchy(tree.rootId(), java.util.List.copyOf(tree.folders()))));
        return tree;
    }
}
