package org.zcp.protocols.imap.parse;

/**
 * A command argument that does not follow the grammar. The message is short and contains nothing
 * but fixed text and, at most, the offending keyword, so the session can put it after
 * {@code <tag> BAD} without leaking anything or echoing megabytes back to the client.
 *
 * <p>A {@linkplain #refused refusal} is an argument that follows the grammar but names something
 * the server will not take (a mailbox name that is not valid modified UTF-7, or that the store
 * cannot hold); the session answers it {@code <tag> NO [code] message} instead, as Dovecot does.
 */
public final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    public ParseException(String message) {
        this(null, message);
    }

    private ParseException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A well-formed argument the server refuses: {@code NO [code] message} (RFC 5530 codes). */
    public static ParseException refused(String code, String message) {
        return new ParseException(code, message);
    }

    /** The response code of a refusal, or null for a syntax error (BAD). */
    public String code() {
        return code;
    }
}
