package org.zcp.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named property: property id = 0x8500 + id - 1. */
@Entity
@Table(name = "names")
public class NameEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public int id;

    public String guid;

    @Column(name = "nameid")
    public Integer nameId;

    @Column(name = "namestring")
    public String nameString;

    /** The user who created the name; null for the server's own names (NamedProperties). */
    public Long creator;
}
