package org.zcp.protocols.imap;

/**
 * Tells a session that a mailbox may have changed: the store's after-commit change events
 * (docs/store-api.md), so that IDLE waits for a change instead of asking the store every few
 * seconds. A signal only says "ask the backend"; what changed comes from
 * {@link ImapBackend#changes}, so a lost or repeated signal is harmless.
 */
public interface MailboxEvents {
    /** A registration; closing it stops the signals. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Calls {@code changed} after each committed change to the mailbox whose UIDVALIDITY is
     * {@code uidValidity}, and when the backend session {@code session} ends (so that the next
     * question hears {@link ImapBackend#EXPIRED}); on the signalling thread: it must return at once.
     */
    Watch watch(long uidValidity, String session, Runnable changed);
}
