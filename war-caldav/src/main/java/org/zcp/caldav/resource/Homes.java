package org.zcp.caldav.resource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.zcp.ical.ItemKind;
import org.zcp.store.api.FolderInfo;
import org.zcp.store.api.FolderTree.Hierarchy;

/**
 * The collections of a home: every folder of the store whose container class is of the tree's
 * kinds, flat (nested folders too), named by the folder's display name. A name taken already in
 * the home (compared without case: clients on case-insensitive file systems cache by URL) gets
 * "-&lt;folderId&gt;" appended; the hierarchy's order decides who keeps the plain name. In the
 * calendar home the segments of the scheduling outbox and inbox ({@link Target.Box}), in the
 * address-book home the global address book's ({@link Target.Gal}) are taken from the start, so no
 * folder shadows them.
 */
public final class Homes {
    private Homes() {
    }

    public static List<Coll> collections(Hierarchy h, Tree tree) {
        return collections(h, tree, Map.of());
    }

    /**
     * The collections with what is kept with their folders: a kept segment (the one a client made
     * the collection under) names the collection whatever its folder is called now, and is
     * claimed before the names of the others. A kept segment the home reserves (a folder made at
     * schedule-outbox or gal before it was one) is not kept: the folder is named as any other.
     */
    public static List<Coll> collections(Hierarchy h, Tree tree, Map<Long, Map<String, String>> kept) {
        List<FolderInfo> mine = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        if (tree == Tree.CALDAV) for (Target.Box b : Target.Box.values()) taken.add(b.segment());
        if (tree == Tree.CARDDAV) taken.add(Target.Gal.SEGMENT);
        for (FolderInfo f : h.folders()) {
            ItemKind kind = ItemKind.ofContainer(f.containerClass());
            if (kind == null || !tree.kinds().contains(kind)) continue;
            mine.add(f);
            String own = keptSegment(tree, kept.getOrDefault(f.id(), Map.of()));
            if (own != null) taken.add(own.toLowerCase(Locale.ROOT));
        }
        List<Coll> out = new ArrayList<>();
        for (FolderInfo f : mine) {
            Map<String, String> k = kept.getOrDefault(f.id(), Map.of());
            String segment = keptSegment(tree, k);
            if (segment == null && k.containsKey(Kept.SEGMENT)) {
                k = new java.util.HashMap<>(k); // a reserved one: forgotten, so a rename keeps the new segment
                k.remove(Kept.SEGMENT);
            }
            if (segment == null) {
                String name = f.name() == null || f.name().isBlank() ? Long.toString(f.id()) : f.name();
                segment = taken.contains(name.toLowerCase(Locale.ROOT)) ? name + "-" + f.id() : name;
                taken.add(segment.toLowerCase(Locale.ROOT));
            }
            out.add(new Coll(tree, segment, f, ItemKind.ofContainer(f.containerClass()), k));
        }
        return out;
    }

    /** The segment kept with a folder, unless the tree reserves it; null when none. */
    private static String keptSegment(Tree tree, Map<String, String> kept) {
        String s = kept.get(Kept.SEGMENT);
        boolean reserved = tree == Tree.CALDAV ? Target.Box.of(s) != null : Target.Gal.is(s);
        return s != null && reserved ? null : s;
    }

    /** The collection of a segment, or null. */
    public static Coll find(List<Coll> colls, String segment) {
        for (Coll c : colls) if (c.segment().equals(segment)) return c;
        return null;
    }

    /**
     * The default calendar of the iCal gateway: the first IPF.Appointment folder named "Calendar"
     * (any case), else the first IPF.Appointment folder; null when there is none.
     */
    public static Coll defaultCalendar(List<Coll> colls) {
        Coll first = null;
        for (Coll c : colls) {
            if (c.kind() != ItemKind.EVENT) continue;
            if (first == null) first = c;
            if ("calendar".equalsIgnoreCase(c.folder().name())) return c;
        }
        return first;
    }
}
