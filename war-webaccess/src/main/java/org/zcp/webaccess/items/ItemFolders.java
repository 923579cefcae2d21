package org.zcp.webaccess.items;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.zcp.ical.ICalException;
import org.zcp.ical.ItemKind;
import org.zcp.ical.NamedIds;
import org.zcp.ical.StoreNamedIds;
import org.zcp.store.api.FolderInfo;
import org.zcp.store.api.FolderItems;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.FolderTree;
import org.zcp.store.api.FolderTree.Hierarchy;
import org.zcp.store.api.MapiObjects;
import org.zcp.webaccess.ApiException;

/**
 * The folders of items (calendars, contacts, tasks) and their items by name, as the calendar,
 * contact and task APIs share them: the user's folders of a kind with the default one, the named
 * property ids the conversions need, an item fetched with the form's checks, the etag test.
 */
@ApplicationScoped
public class ItemFolders {
    /** How many items one FolderItems.get fetches. */
    static final int BATCH = 100;

    @EJB
    FolderTree tree;
    @EJB
    FolderItems items;
    @EJB
    MapiObjects mapi;

    private volatile StoreNamedIds namedIds;

    public FolderTree tree() {
        return tree;
    }

    public FolderItems items() {
        return items;
    }

    public NamedIds ids(String session) {
        StoreNamedIds n = namedIds;
        if (n == null) namedIds = n = new StoreNamedIds(items);
        return n.forSession(session);
    }

    /** Where DATE and floating values are read: ical.cfg's server_timezone, as CalDAV reads them. */
    public static ZoneId serverZone() {
        return ZoneId.of(System.getProperty("zcp.ical.timezone", "Europe/Amsterdam"));
    }

    /** A folder of a kind, as the item APIs show it. */
    public record Folder(String id, String folderId, String name,
            @jakarta.json.bind.annotation.JsonbProperty("default") boolean isDefault) {
    }

    /** The session's own folders of a kind, the default one marked (the special folder's name at the top, else the first). */
    public List<Folder> own(String session, ItemKind kind) {
        Hierarchy h = tree.folders(session);
        String dflt = defaultOf(h, kind);
        List<Folder> out = new ArrayList<>();
        for (FolderInfo f : h.folders()) {
            if (ItemKind.ofContainer(f.containerClass()) != kind) continue;
            String id = Long.toString(f.id());
            out.add(new Folder(id, entryId(session, f.id()), f.name(), id.equals(dflt)));
        }
        return out;
    }

    /** The default folder of a kind of a store: the one named as the special folder at the top, else the first. */
    public static String defaultOf(Hierarchy h, ItemKind kind) {
        String special = switch (kind) {
            case EVENT -> "calendar";
            case CONTACT -> "contacts";
            case TASK -> "tasks";
        };
        FolderInfo first = null;
        for (FolderInfo f : h.folders()) {
            if (ItemKind.ofContainer(f.containerClass()) != kind) continue;
            if (first == null) first = f;
            if (f.parentId() == h.rootId() && special.equalsIgnoreCase(f.name())) return Long.toString(f.id());
        }
        return first == null ? null : Long.toString(first.id());
    }

    /** The session's own default folder of a kind; null when it has none. */
    public Long ownDefault(String session, ItemKind kind) {
        String id = defaultOf(tree.folders(session), kind);
        return id == null ? null : Long.parseLong(id);
    }

    public boolean isOwn(String session, long folder) {
        for (FolderInfo f : tree.folders(session).folders()) if (f.id() == folder) return true;
        return false;
    }

    public String entryId(String session, long folderId) {
        return mapi.entryId(session, folderId).toUpperCase(Locale.ROOT);
    }

    /** A folder id from the URL. */
    public static long folder(String id) {
        if (id == null || !id.matches("\\d{1,18}")) throw ApiException.invalid("not a folder id");
        return Long.parseLong(id);
    }

    /** The item of a name (404 when there is none). */
    public Item item(String session, long folder, String name) {
        if (name == null || !name.matches("[A-Za-z0-9@._~+\\-]{1,255}")) throw ApiException.invalid("not an item id");
        List<Item> got = items.get(session, folder, List.of(name));
        if (got.isEmpty()) throw new ApiException(404, "not-found", "no such item");
        return got.get(0);
    }

    /** The items of these names, fetched in batches. */
    public List<Item> fetch(String session, long folder, List<String> names) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i += BATCH) {
            out.addAll(items.get(session, folder, names.subList(i, Math.min(names.size(), i + BATCH))));
        }
        return out;
    }

    /**
     * Replaces an item with what {@code change} makes of it (its text rendered by the caller), if
     * it is still at {@code ifMatch}; the item's new ref.
     */
    public FolderItems.ItemRef replace(String session, long folder, String name, String ifMatch,
            java.util.function.Function<Item, org.zcp.store.api.mapi.Message> change) {
        Item it = item(session, folder, name);
        checkMatch(it, ifMatch);
        return items.put(session, folder, name, change.apply(it), FolderItems.Expect.at(it.ref().modSeq()));
    }

    /** Deletes an item (into the soft-deleted items) if it is still at {@code ifMatch}. */
    public void delete(String session, long folder, String name, String ifMatch) {
        Item it = item(session, folder, name);
        checkMatch(it, ifMatch);
        items.delete(session, folder, name, FolderItems.Expect.at(it.ref().modSeq()));
    }

    /** If-Match: "etag" (the item's change number), or * / absent for any; 409 when it is stale. */
    public static void checkMatch(Item it, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) return;
        String v = ifMatch.strip().replace("\"", "");
        if (!v.equals(Long.toString(it.ref().modSeq()))) {
            throw new ApiException(409, "conflict", "the item was changed meanwhile: reload it");
        }
    }

    /** A conversion of the ical library, its refusal a 400 with its reason. */
    public static <T> T convert(Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (ICalException e) {
            throw ApiException.invalid(e.getMessage());
        }
    }
}
