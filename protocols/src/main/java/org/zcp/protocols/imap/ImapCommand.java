package org.zcp.protocols.imap;

import java.io.IOException;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/**
 * The handler of one command (or of a group the RFC defines together). It answers with the
 * session's {@link ImapSession#ok}, {@link ImapSession#no} or {@link ImapSession#bad}; a
 * {@link ParseException} becomes {@code BAD} (a {@linkplain ParseException#refused refusal}
 * {@code NO [code]}), an {@link ImapBackend.Failure} {@code NO [code]}, any
 * other runtime exception {@code NO [UNAVAILABLE]}.
 */
@FunctionalInterface
interface ImapCommand {
    void handle(ImapSession session, RawCommand command) throws IOException, ParseException;
}
