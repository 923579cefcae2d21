package org.zcp.store.api.admin;


public class OrphanStore {
    public String guid;
    public String guessedUserName;
    public long lastModified;
    public long size;
    public int type;
}
