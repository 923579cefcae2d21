package org.zcp.caldav.resource;

import java.util.Set;
import org.zcp.ical.ItemKind;

/** The two DAV trees: calendars (with tasks) under /caldav/, address books under /carddav/. */
public enum Tree {
    CALDAV("caldav", Set.of(ItemKind.EVENT, ItemKind.TASK)),
    CARDDAV("carddav", Set.of(ItemKind.CONTACT));

    private final String segment;
    private final Set<ItemKind> kinds;

    Tree(String segment, Set<ItemKind> kinds) {
        this.segment = segment;
        this.kinds = kinds;
    }

    public String segment() {
        return segment;
    }

    /** The item kinds whose folders this tree shows as collections. */
    public Set<ItemKind> kinds() {
        return kinds;
    }

    public String root() {
        return "/" + segment + "/";
    }
}
