package org.zcp.protocols.smtp;

import java.io.IOException;

/**
 * The SMTP conversation failed as a whole: the server refused the connection or the greeting
 * (EHLO/HELO), or it sent something that is not a reply. Refusals carry the server's reply so
 * the caller can tell a permanent refusal from a transient one; protocol violations carry none
 * and, like any other I/O failure, are worth retrying.
 */
public final class SmtpException extends IOException {
    private static final long serialVersionUID = 1L;

    private final SmtpReply reply;

    public SmtpException(String message) {
        this(message, null);
    }

    public SmtpException(String message, SmtpReply reply) {
        super(message);
        this.reply = reply;
    }

    /** The reply that ended the conversation, or null for a protocol violation. */
    public SmtpReply reply() {
        return reply;
    }

    /** True only when the server refused with a 5xx reply. */
    public boolean permanent() {
        return reply != null && reply.permanentFailure();
    }
}
