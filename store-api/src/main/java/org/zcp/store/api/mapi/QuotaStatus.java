package org.zcp.store.api.mapi;


/** Effective quota of a store in bytes (0 = level off) and the level reached (manual 4.12). */
public class QuotaStatus {
    public static final String OK = "OK";
    public static final String WARN = "WARN";
    public static final String SOFT = "SOFT";
    public static final String HARD = "HARD";

    public long storeSize;
    public long warn;
    public long soft;
    public long hard;
    public String status;
}
