package org.zcp.caldav.resource;

import java.util.Map;
import org.zcp.ical.ItemKind;
import org.zcp.store.api.FolderInfo;

/**
 * A folder shown as a calendar or address-book collection: its path segment in the home, its kind
 * and what DAV clients keep with it ({@link Kept}: the segment it was made under, colour,
 * description, order).
 */
public record Coll(Tree tree, String segment, FolderInfo folder, ItemKind kind, Map<String, String> kept) {
    public Coll(Tree tree, String segment, FolderInfo folder, ItemKind kind) {
        this(tree, segment, folder, kind, Map.of());
    }

    public long id() {
        return folder.id();
    }
}
