package org.zcp.protocols.pop3;

import java.util.List;
import java.util.Objects;

/**
 * What a POP3 session needs from the store. In the server this is the message listener interface
 * of the POP3 message-driven bean; in tests an in-memory maildrop. Only plain Java types cross it,
 * so the resource adapter can hand each call to the bean without any protocol classes.
 *
 * <p>Any method may throw a RuntimeException (store away, transaction rolled back): the session
 * then answers {@code -ERR [SYS/TEMP]} without the exception text and logs it.
 */
public interface Pop3Backend {
    /** The outcome of a login. */
    enum Status {
        /** Logged in: {@link Login#mailbox()} is the handle for the other calls. */
        OK,
        /** Wrong password, unknown user or POP3 not allowed for this user: {@code -ERR [AUTH]}. */
        DENIED,
        /** The store cannot be reached: {@code -ERR [SYS/TEMP]}, the client retries later. */
        UNAVAILABLE
    }

    /**
     * The answer to {@link #login}. {@code mailbox} is an opaque handle, set only with
     * {@link Status#OK}; {@code message} is a detail for the server log (why a login was refused)
     * and is never shown to the client, which must not learn whether a user exists.
     */
    record Login(Status status, String mailbox, String message) {}

    /** One message of the maildrop. */
    record Entry(String uid, long size) {
        /**
         * The uid is what UIDL shows: RFC 1939 section 7 wants 1 to 70 characters in the range
         * 0x21 to 0x7E, the same for the message in every session.
         */
        public Entry {
            Objects.requireNonNull(uid, "uid");
            if (size < 0) throw new IllegalArgumentException("negative size");
        }
    }

    /**
     * Checks the credentials. {@code peer} is the client's IP address (for the log and for
     * per-address policies), {@code tls} whether the connection is encrypted.
     */
    Login login(String user, String password, String peer, boolean tls);

    /**
     * The maildrop right after login: the Inbox's messages, oldest first, each with a stable unique
     * id and its exact size in octets as {@link #retrieve} will return it. The session numbers
     * messages over this snapshot until it ends, as RFC 1939 requires.
     */
    List<Entry> list(String mailbox);

    /**
     * The full message (RFC 5322, CRLF line ends) with this uid, or null when it no longer exists
     * (another client deleted it after the snapshot).
     */
    byte[] retrieve(String mailbox, String uid);

    /**
     * QUIT in the TRANSACTION state: deletes these messages, all or none. False (or an exception)
     * when that failed; the client is then told {@code -ERR [SYS/TEMP]} and nothing is lost.
     */
    boolean delete(String mailbox, List<String> uids);

    /** The session ended (QUIT, timeout, connection lost, error): releases the handle. */
    void logout(String mailbox);
}
