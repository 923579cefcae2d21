package org.zcp.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The content an attachment object refers to. */
@Entity
@Table(name = "singleinstances")
public class SingleInstance {
    @Id
    @Column(name = "hierarchy_id")
    public long hierarchyId;

    public String hash;

    public SingleInstance() {
    }

    public SingleInstance(long hierarchyId, String hash) {
        this.hierarchyId = hierarchyId;
        this.hash = hash;
    }
}
