package org.zcp.protocols.imap.parse;

/**
 * A command argument that does not follow the grammar. The message is short and contains nothing
 * but fixed text and, at most, the offending keyword, so the session can put it after
 * {@code <tag> BAD} without leaking anything or echoing megabytes back to the client.
 */
public final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public ParseException(String message) {
        super(message, null, false, false);
    }
}
