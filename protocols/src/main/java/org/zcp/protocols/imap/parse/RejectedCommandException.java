package org.zcp.protocols.imap.parse;

/**
 * The reader could not deliver a command. The session answers {@link #response()} and, unless
 * {@link #closeConnection()}, goes on reading: the reader has already skipped what the client sent
 * of the broken command, so the next read starts at the next command.
 */
public final class RejectedCommandException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The tagged status to answer with. */
    public enum Status {
        NO, BAD
    }

    private final String tag;
    private final Status status;
    private final String code;
    private final boolean closeConnection;

    RejectedCommandException(String tag, Status status, String code, String message, boolean closeConnection) {
        super(message, null, false, false);
        this.tag = tag;
        this.status = status;
        this.code = code;
        this.closeConnection = closeConnection;
    }

    static RejectedCommandException bad(String tag, String message) {
        return new RejectedCommandException(tag, Status.BAD, null, message, false);
    }

    /** The command's tag, or null when none could be read (answer with {@code * BAD}). */
    public String tag() {
        return tag;
    }

    public Status status() {
        return status;
    }

    /** A response code without brackets ({@code TOOBIG}), or null. */
    public String code() {
        return code;
    }

    /**
     * True when the stream is no longer in step with the client (a refused literal too large to
     * skip); the session sends {@code * BYE} and closes.
     */
    public boolean closeConnection() {
        return closeConnection;
    }

    /**
     * The response line without CRLF: {@code a1 BAD Unbalanced parentheses},
     * {@code a2 NO [TOOBIG] Literal too large}, or {@code * BAD Missing tag} when there is no tag.
     * When {@link #closeConnection()}, the session sends {@link #bye()} after it and closes.
     */
    public String response() {
        return (tag == null ? "* BAD " : tag + " " + status.name() + " ") + text();
    }

    /** The untagged {@code * BYE} to close with. */
    public String bye() {
        return "* BYE " + text();
    }

    private String text() {
        return (code == null ? "" : "[" + code + "] ") + getMessage();
    }
}
