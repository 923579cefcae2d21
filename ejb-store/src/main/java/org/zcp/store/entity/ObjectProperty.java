package org.zcp.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One attribute of a directory object kept by the server (db plugin details, quota, features...). */
@Entity
@Table(name = "objectproperty")
@IdClass(ObjectPropertyId.class)
public class ObjectProperty {
    @Id
    @Column(name = "objectid")
    public long objectId;

    @Id
    @Column(name = "propname")
    public String propName;

    @Column(name = "val")
    public String value;

    public ObjectProperty() {
    }

    public ObjectProperty(long objectId, String propName, String value) {
        this.objectId = objectId;
        this.propName = propName;
        this.value = value;
    }
}
