package org.zcp.store.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A submitted message waiting for the spooler (table outgoingqueue). */
@Entity
@Table(name = "outgoingqueue")
public class OutgoingEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long id;

    @Column(name = "store_id")
    public long storeId;

    @Column(name = "object_id")
    public long objectId;

    /** Who submitted it: send-as and send-on-behalf are decided for this user. */
    @Column(name = "submitter_id")
    public long submitterId;

    public long submitted;

    @Column(name = "next_attempt")
    public long nextAttempt;

    public int attempts;

    /** 1: a message made by the pipeline (autoresponder, forward) sent as its stored MIME text. */
    @Column(name = "raw_mime")
    public int rawMime;

    /** The SMTP reverse path when it is not the From address ("" for the null path of auto-replies). */
    @Column(name = "envelope_from")
    public String envelopeFrom;

    /**
     * For raw entries: the SHA-256 (hex) of the MIME text as the pipeline generated it; the text in
     * the Outbox is sent only while it matches (security review #18). Null: queued before Flyway V8.
     */
    @Column(name = "raw_sha256")
    public String rawSha256;

    /**
     * Recipients still to send to after a partial transient failure, one per line; null: all. Raw
     * entries get theirs here when queued, so they never come from the user-writable message.
     */
    public String remaining;

    /** 1 once some recipient accepted it (the message goes to Sent Items in the end). */
    @Column(name = "sent_some")
    public int sentSome;

    @Column(name = "last_error")
    public String lastError;
}
