package org.zcp.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "acl")
@IdClass(AclId.class)
public class AclRow {
    @Id
    @Column(name = "hierarchy_id")
    public long hierarchyId;

    @Id
    @Column(name = "member_id")
    public long memberId;

    public int rights;

    public AclRow() {
    }

    public AclRow(long hierarchyId, long memberId, int rights) {
        this.hierarchyId = hierarchyId;
        this.memberId = memberId;
        this.rights = rights;
    }
}
