package org.zcp.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A relation between directory objects: {@code objectId} is a member of / granted on
 * {@code parentObjectId}.
 */
@Entity
@Table(name = "objectrelation")
@IdClass(ObjectRelationId.class)
public class ObjectRelation {
    /** objectId is a member of group parentObjectId. */
    public static final int GROUP_MEMBER = 1;
    /** Company objectId may view company parentObjectId. */
    public static final int COMPANY_VIEW = 2;
    /** User objectId administers company parentObjectId. */
    public static final int COMPANY_ADMIN = 3;
    /** User objectId may send as user parentObjectId. */
    public static final int SEND_AS = 6;

    @Id
    @Column(name = "objectid")
    public long objectId;

    @Id
    @Column(name = "parentobjectid")
    public long parentObjectId;

    @Id
    @Column(name = "relationtype")
    public int relationType;

    public ObjectRelation() {
    }

    public ObjectRelation(long objectId, long parentObjectId, int relationType) {
        this.objectId = objectId;
        this.parentObjectId = parentObjectId;
        this.relationType = relationType;
    }
}
