package org.zcp.store.api.mapi;


public class SortOrder {
    public int tag;
    public boolean descending;

    public SortOrder() {
    }

    public SortOrder(int tag, boolean descending) {
        this.tag = tag;
        this.descending = descending;
    }
}
