package org.zcp.store.api;

import java.util.List;
import java.util.Optional;
import org.zcp.store.api.Mailboxes.MailStore;
import org.zcp.store.api.mapi.Message;

/**
 * The outgoing queue as the spooler sees it (manual 4.9; docs/store-api.md, "The mail flow's
 * door"): a submitted message waits in its Outbox with a queue entry until the spooler has sent it,
 * given up, or it was taken back. The store keeps the queue and the messages and decides who may
 * send as whom; the spooler converts, relays and retries. Calls join the caller's transaction and
 * run as the mail flow's identity. A queue entry that becomes due (queued, deferred) is announced
 * with a CDI event {@link Due} inside the transaction that made it due, so a signal sent from it
 * (the spooler's JMS queue enlists in the transaction) is never sent for a rollback.
 */
public interface Outbox {
    /** A queue entry: its message and the state of its sending so far. */
    record Queued(long id, String messageId, long size, MailStore store, long submitterId, long submitted,
            long nextAttempt, boolean raw, String envelopeFrom, String rawSha256, List<String> remaining,
            int attempts, String lastError, boolean sentSome) {
    }

    /** A queue entry that is due at {@code nextAttempt} (epoch milliseconds). */
    record Due(long id, long nextAttempt) {
    }

    /** A sender as mail shows it. */
    record Party(String name, String address) {
    }

    /**
     * Who a message goes out as (manual 8.3.5): From, and Sender when on behalf of someone; or,
     * when {@code refusal} is set, why the submitter may not send it at all.
     */
    record Sending(Party from, Party sender, String refusal) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    /**
     * The entry, locked until the caller's transaction ends; empty when it is gone. An entry whose
     * message was deleted meanwhile is removed and answers empty.
     */
    Optional<Queued> lock(long entryId);

    /** The message of an entry, whole (properties, recipients, attachment properties). */
    Message load(String messageId);

    /** The content of one attachment of a message. */
    byte[] attachment(String messageId, int attachNum);

    /** Who the message goes out as when {@code submitterId} sends it from {@code store}. */
    Sending sendingAs(long submitterId, MailStore store, Message message);

    /**
     * Mail the server made itself (an autoreply, a rule's forward or redirect, a report): stored
     * in the owner's Outbox with its MIME text and queued to be sent exactly as it is, to these
     * recipients, with this envelope sender ("" for the null sender). Returns the entry's id.
     */
    long queueGenerated(long ownerId, Message message, byte[] mimeText, String envelopeFrom, List<String> recipients);

    /** Sending was tried and is to be tried again at {@code nextAttempt} for {@code remaining}. */
    void defer(long entryId, int attempts, long nextAttempt, List<String> remaining, String lastError, boolean sentSome);

    /**
     * Out of the queue. Sent: deleted when it asked to be (PR_DELETE_AFTER_SUBMIT), else marked sent
     * and moved to Sent Items. Not sent: it stays in the Outbox, no longer marked as submitted.
     */
    void finish(long entryId, boolean sent, long now);

    /** Writes a report (an "Undeliverable" notice) into the Inbox of a user's store. */
    void report(MailStore store, Message report);

    /** Entries due before {@code time}. */
    List<Long> dueBefore(long time);

    /** Every entry with its time. */
    List<Due> all();

    /**
     * The digest the queue keeps of a generated message's MIME text (SHA-256, hex): the spooler
     * sends the Outbox copy only while its text still has it (security review #18).
     */
    static String digest(byte[] mimeText) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(mimeText));
        } catch (java.security.NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }
}
