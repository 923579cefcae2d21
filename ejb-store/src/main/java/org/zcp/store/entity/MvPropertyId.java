package org.zcp.store.entity;

import java.io.Serializable;

public class MvPropertyId implements Serializable {
    private static final long serialVersionUID = 1L;
    public long hierarchyId;
    public int tag;
    public int orderId;

    @Override
    public boolean equals(Object o) {
        return o instanceof MvPropertyId k && k.hierarchyId == hierarchyId && k.tag == tag && k.orderId == orderId;
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(hierarchyId) * 31 + tag) * 31 + orderId;
    }
}
