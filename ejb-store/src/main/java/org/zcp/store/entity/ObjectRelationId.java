package org.zcp.store.entity;

import java.io.Serializable;

public class ObjectRelationId implements Serializable {
    private static final long serialVersionUID = 1L;
    public long objectId;
    public long parentObjectId;
    public int relationType;

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectRelationId k && k.objectId == objectId && k.parentObjectId == parentObjectId
                && k.relationType == relationType;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(objectId) * 31 + Long.hashCode(parentObjectId) * 7 + relationType;
    }
}
