package org.zcp.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** When a store's autoresponder last answered an address (table oof_replies). */
@Entity
@Table(name = "oof_replies")
@IdClass(OofReply.Key.class)
public class OofReply {
    @Id
    @Column(name = "store_id")
    public long storeId;

    @Id
    public String address;

    public long replied;

    public OofReply() {
    }

    public OofReply(long storeId, String address, long replied) {
        this.storeId = storeId;
        this.address = address;
        this.replied = replied;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long storeId;
        public String address;

        public Key() {
        }

        public Key(long storeId, String address) {
            this.storeId = storeId;
            this.address = address;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.storeId == storeId && Objects.equals(k.address, address);
        }

        @Override
        public int hashCode() {
            return Objects.hash(storeId, address);
        }
    }
}
