package org.zcp.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Server-wide persistent settings: server_guid, attachment_storage, ... */
@Entity
@Table(name = "settings")
public class Setting {
    @Id
    public String name;

    @Column(name = "val")
    public String value;

    public Setting() {
    }

    public Setting(String name, String value) {
        this.name = name;
        this.value = value;
    }
}
