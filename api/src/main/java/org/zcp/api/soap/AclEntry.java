package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** One permission: a user or group name and its MAPI rights (see org.zcp.api.mapi.Rights). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "aclEntry")
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
