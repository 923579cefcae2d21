package org.zcp.store.entity;

import java.io.Serializable;

public class AclId implements Serializable {
    private static final long serialVersionUID = 1L;
    public long hierarchyId;
    public long memberId;

    @Override
    public boolean equals(Object o) {
        return o instanceof AclId k && k.hierarchyId == hierarchyId && k.memberId == memberId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hierarchyId) * 31 + Long.hashCode(memberId);
    }
}
