package org.zcp.store.api.mapi;

import java.util.ArrayList;
import java.util.List;

/** Column set, sort order, restriction and page of a contents or hierarchy table (tableMulti). */
public class TableQuery {
    /** Associated (hidden, FAI) contents instead of normal contents. */
    public static final int MAPI_ASSOCIATED = 0x40;
    /** Show soft-deleted objects instead of live ones. */
    public static final int SHOW_SOFT_DELETES = 0x2;
    /** Hierarchy table of the whole subtree instead of direct children. */
    public static final int CONVENIENT_DEPTH = 0x1;

    public List<Integer> columns = new ArrayList<>();
    public List<SortOrder> sort = new ArrayList<>();
    public Restriction restriction;
    public int start;
    /** Rows to return; 0 means all. */
    public int count;
    public int flags;
}
