package org.zcp.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a store's change journal. */
@Entity
@Table(name = "changes")
public class ChangeEntry {
    public static final int ADD = 1;
    public static final int MODIFY = 2;
    public static final int DELETE = 4;
    public static final int MOVE_OUT = 8;
    public static final int FLAGS = 16;
    public static final int RESTORE = 32;
    public static final int PURGE = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long id;

    @Column(name = "store_id")
    public long storeId;

    @Column(name = "change_num")
    public long changeNum;

    @Column(name = "object_id")
    public long objectId;

    @Column(name = "parent_id")
    public long parentId;

    @Column(name = "object_type")
    public int objectType;

    @Column(name = "change_type")
    public int changeType;

    public long changed;

    /** The object's IMAP UID when the change was journaled (before a move gives it a new one). */
    @Column(name = "imap_uid")
    public long imapUid;
}
