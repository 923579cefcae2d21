package org.zcp.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "stores")
public class StoreEntity {
    public static final int PRIVATE = 0;
    public static final int PUBLIC = 1;
    public static final int ARCHIVE = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long id;

    @Column(nullable = false)
    public String guid;

    @Column(name = "hierarchy_id")
    public long hierarchyId;

    /** users.id of the owner; 0 for an orphaned store. */
    @Column(name = "user_id")
    public long userId;

    @Column(name = "company_id")
    public long companyId;

    public int type;

    /** Last known owner name, the "guessed username" of an orphan. */
    @Column(name = "user_name")
    public String userName;

    @Column(name = "store_size")
    public long storeSize;

    @Column(name = "change_num")
    public long changeNum;

    @Column(name = "last_modified")
    public long lastModified;

    /**
     * The highest change number whose journal entries may have been pruned (Flyway V13); written
     * only by the pruner's own statement, never by a flush of this row, so a writer holding an
     * older copy cannot lower it.
     */
    @Column(name = "journal_floor", insertable = false, updatable = false)
    public long journalFloor;
}
