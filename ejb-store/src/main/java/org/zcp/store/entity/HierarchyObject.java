package org.zcp.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A node of a store's object tree: the store root folder, folders, messages and attachments,
 * with the hot columns folder views sort and filter on. Updates write only the columns a
 * transaction changed (DynamicUpdate): two clients changing different hot columns of one message
 * at once (the web client's reader marking it read while its reply marks it answered; IMAP and
 * Outlook) no longer undo each other by writing back the other's stale value.
 */
@Entity
@Table(name = "hierarchy")
@org.hibernate.annotations.DynamicUpdate
public class HierarchyObject {
    public static final int FLAG_ASSOCIATED = 0x40;
    public static final int FLAG_DELETED = 0x400;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long id;

    @Column(name = "parent_id")
    public long parentId;

    @Column(name = "store_id")
    public long storeId;

    public int type;
    public int flags;

    /** users.id of the creator (for edit-own/delete-own rights). */
    @Column(name = "owner_id")
    public long ownerId;

    public long created;
    public long modified;

    @Column(name = "deleted_at")
    public Long deletedAt;

    @Column(name = "change_num")
    public long changeNum;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "container_class")
    public String containerClass;

    @Column(name = "folder_type")
    public int folderType;

    @Column(name = "next_uid")
    public long nextUid = 1;

    @Column(name = "imap_uid")
    public long imapUid;

    /**
     * A folder's highest UID some IMAP session was shown as \Recent (FolderMessages.recent). Read
     * only here: core.RecentMarks raises it with its own UPDATE, and a folder row flushed by a
     * delivery (its next UID) must not write back the mark it read before.
     */
    @Column(name = "recent_uid", insertable = false, updatable = false)
    public long recentUid;

    @Column(name = "message_class")
    public String messageClass;

    public String subject;

    @Column(name = "sender_name")
    public String senderName;

    /** The first 255 characters of PR_SENDER_EMAIL_ADDRESS (the quick search reads them here). */
    @Column(name = "sender_email")
    public String senderEmail;

    /** The first 255 characters of PR_DISPLAY_TO (the quick search reads them here). */
    @Column(name = "display_to")
    public String displayTo;

    /** PR_INTERNET_MESSAGE_ID, for duplicate suppression at delivery. */
    @Column(name = "message_id")
    public String messageId;

    @Column(name = "delivery_time")
    public Long deliveryTime;

    @Column(name = "msg_size")
    public long size;

    @Column(name = "msg_flags")
    public int msgFlags;

    /**
     * PR_MSG_STATUS, PR_FLAG_STATUS and PR_LAST_VERB_EXECUTED (IMAP's \Deleted, \Flagged,
     * \Answered/$Forwarded) kept in the row like PR_MESSAGE_FLAGS (Flyway V11); null: not set.
     */
    @Column(name = "msg_status")
    public Integer msgStatus;

    @Column(name = "flag_status")
    public Integer flagStatus;

    @Column(name = "last_verb")
    public Integer lastVerb;

    /** Next attachment number (messages). */
    @Column(name = "attach_num")
    public int attachNum;

    public boolean isDeleted() {
        return (flags & FLAG_DELETED) != 0;
    }

    public boolean isAssociated() {
        return (flags & FLAG_ASSOCIATED) != 0;
    }
}
