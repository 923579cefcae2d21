package org.zcp.protocols.imap.parse;

import java.util.List;

/**
 * One complete command as read from the client, before its arguments are interpreted.
 *
 * @param tag the client's tag, echoed in the tagged response
 * @param name the command name in upper case; {@code UID} is joined with the command it prefixes
 *     ({@code "UID FETCH"}) so a session can dispatch on the name alone
 * @param args the tokens after the name, literals included
 */
public record RawCommand(String tag, String name, List<Token> args) {
    public RawCommand {
        args = List.copyOf(args);
    }

    /** A cursor over the arguments for the typed parsers. */
    public Args cursor() {
        return new Args(args);
    }
}
