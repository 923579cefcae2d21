package org.zcp.store.entity;

import java.io.Serializable;

public class PropertyId implements Serializable {
    private static final long serialVersionUID = 1L;
    public long hierarchyId;
    public int tag;

    public PropertyId() {
    }

    public PropertyId(long hierarchyId, int tag) {
        this.hierarchyId = hierarchyId;
        this.tag = tag;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PropertyId k && k.hierarchyId == hierarchyId && k.tag == tag;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hierarchyId) * 31 + tag;
    }
}
