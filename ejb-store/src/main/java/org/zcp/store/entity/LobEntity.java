package org.zcp.store.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** Attachment content by SHA-256, shared by every attachment with the same bytes. */
@Entity
@Table(name = "lob")
public class LobEntity {
    @Id
    public String hash;

    public long size;

    public long refcount;

    /** "database" or "files": where the bytes are. */
    public String storage;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "data")
    public byte[] data;
}
