package org.zcp.webaccess.events;

import java.util.LinkedHashSet;
import java.util.Set;
import org.zcp.store.api.FolderInfo;
import org.zcp.store.api.FolderTree;
import org.zcp.store.api.FolderTree.Hierarchy;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.StoreFailure;
import org.zcp.webaccess.settings.SettingsResource;
import org.zcp.webaccess.settings.SettingsResource.UserSettings;

/**
 * The folders of other stores a web session follows for live updates (docs/webaccess.md, "Live
 * updates"): the folders of the mailboxes it opened ({@code openStores}), the calendars it
 * opened ({@code openCalendars}) and the public folders, each only while the session may see it
 * (the store's folder tree of another store answers with the visible folders only, manual 8.7).
 * At most {@link #MAX}: beyond that the client reads the rest when it shows them.
 */
final class SharedFolders {
    static final int MAX = 500;

    private SharedFolders() {
    }

    static Set<Long> of(String session, MapiObjects mapi, FolderTree tree) {
        Set<Long> out = new LinkedHashSet<>();
        UserSettings kept = SettingsResource.stored(mapi, session);
        for (String user : kept.openStores()) {
            Hierarchy h = hierarchy(() -> tree.foldersOf(session, user));
            if (h != null) add(out, h, null);
        }
        for (String key : kept.openCalendars()) {
            int slash = key.lastIndexOf('/');
            if (slash <= 0) continue;
            long folder;
            try {
                folder = Long.parseLong(key.substring(slash + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            Hierarchy h = hierarchy(() -> tree.foldersOf(session, key.substring(0, slash)));
            if (h != null) add(out, h, folder);
        }
        Hierarchy pub = hierarchy(() -> tree.publicFolders(session));
        if (pub != null) add(out, pub, null);
        return out;
    }

    private static void add(Set<Long> out, Hierarchy h, Long only) {
        for (FolderInfo f : h.folders()) {
            if (out.size() >= MAX) return;
            if (only == null || only == f.id()) out.add(f.id());
        }
    }

    /** A hierarchy, or null when the store is gone or closed to the session (it is left out, not an error). */
    private static Hierarchy hierarchy(java.util.function.Supplier<Hierarchy> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            if (StoreFailure.in(e) == null) throw e;
            return null;
        }
    }
}
