package org.zcp.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user, group or company known to the server: local id to the plugin's external id (manual 8.5.1). */
@Entity
@Table(name = "users")
public class DirectoryObject {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long id;

    @Column(name = "externid", nullable = false)
    public String externId;

    @Column(name = "objectclass", nullable = false)
    public int objectClass;

    @Column(name = "company_id", nullable = false)
    public long companyId;

    @Column(name = "signature")
    public String signature;
}
