package org.zcp.store.api.mapi;


public class StoreInfo {
    public static final int PRIVATE = 0;
    public static final int PUBLIC = 1;
    public static final int ARCHIVE = 2;

    public String storeId;
    public String guid;
    public int type;
    public String ownerName;
    public String companyName;
    public String rootId;
    public String ipmSubtreeId;
    /** Entry id of the receive folder for IPM (the Inbox); null for public stores. */
    public String inboxId;
    public long size;
}
