package org.zcp.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "receivefolder")
@IdClass(ReceiveFolderId.class)
public class ReceiveFolder {
    @Id
    @Column(name = "store_id")
    public long storeId;

    @Id
    @Column(name = "message_class")
    public String messageClass;

    @Column(name = "folder_id")
    public long folderId;

    public ReceiveFolder() {
    }

    public ReceiveFolder(long storeId, String messageClass, long folderId) {
        this.storeId = storeId;
        this.messageClass = messageClass;
        this.folderId = folderId;
    }
}
