package org.zcp.store.entity;

import java.io.Serializable;
import java.util.Objects;

public class ObjectPropertyId implements Serializable {
    private static final long serialVersionUID = 1L;
    public long objectId;
    public String propName;

    public ObjectPropertyId() {
    }

    public ObjectPropertyId(long objectId, String propName) {
        this.objectId = objectId;
        this.propName = propName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectPropertyId k && k.objectId == objectId && Objects.equals(k.propName, propName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(objectId, propName);
    }
}
