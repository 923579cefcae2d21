package org.zcp.store.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** One single-valued property of a hierarchy object. */
@Entity
@Table(name = "properties")
@IdClass(PropertyId.class)
public class PropertyRow {
    @Id
    @Column(name = "hierarchy_id")
    public long hierarchyId;

    @Id
    public int tag;

    public int type;

    @Column(name = "val_long")
    public Long valLong;

    @Column(name = "val_double")
    public Double valDouble;

    @Column(name = "val_string", length = 4000)
    public String valString;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "val_text")
    public String valText;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "val_binary")
    public byte[] valBinary;
}
