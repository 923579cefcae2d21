package org.zcp.store.api.mapi;


/** One permission: a user or group name and its MAPI rights (see org.zcp.api.mapi.Rights). */
public class AclEntry {
    public String memberName;
    /** "user" or "group". */
    public String memberType;
    public int rights;

    public AclEntry() {
    }

    public AclEntry(String memberName, String memberType, int rights) {
        this.memberName = memberName;
        this.memberType = memberType;
        this.rights = rights;
    }
}
