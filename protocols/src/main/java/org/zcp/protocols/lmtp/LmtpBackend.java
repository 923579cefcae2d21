package org.zcp.protocols.lmtp;

import java.nio.file.Path;

/**
 * What an LMTP session needs from the store. In the server this is the message listener
 * interface of the LMTP message-driven bean; in tests an in-memory store.
 */
public interface LmtpBackend {
    /** Outcomes of a recipient check or a delivery. */
    enum Status {
        /** Accepted / stored and committed. */
        OK,
        /** No such recipient: 550 5.1.1. */
        UNKNOWN,
        /** The mailbox is over its hard quota: 552 5.2.2. */
        QUOTA,
        /** Anything transient: 4xx, the MTA retries. */
        TEMPFAIL
    }

    /** Whether the address is a local recipient; returns the status name (see {@link Status}). */
    String checkRecipient(String address);

    /**
     * Delivers the message in {@code message} (with Return-Path and Received headers already
     * prepended) to one recipient; returns the status name and, after a colon, a detail.
     * The store must have committed the copy before this returns OK.
     */
    String deliver(String recipient, String envelopeFrom, Path message);
}
