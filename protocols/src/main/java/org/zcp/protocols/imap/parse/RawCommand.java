package org.zcp.protocols.imap.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One complete command as read from the client, before its arguments are interpreted. Closing it
 * deletes the temporary file of a spooled literal (a large APPEND message); the session closes
 * every command once it has been handled, whatever the outcome.
 *
 * @param tag the client's tag, echoed in the tagged response
 * @param name the command name in upper case; {@code UID} is joined with the command it prefixes
 *     ({@code "UID FETCH"}) so a session can dispatch on the name alone
 * @param args the tokens after the name, literals included
 */
public record RawCommand(String tag, String name, List<Token> args) implements AutoCloseable {
    public RawCommand {
        args = List.copyOf(args);
    }

    /** A cursor over the arguments for the typed parsers. */
    public Args cursor() {
        return new Args(args);
    }

    @Override
    public void close() {
        release(args);
    }

    /** Deletes the spool files among {@code tokens}, nested lists included. */
    static void release(List<Token> tokens) {
        for (Token t : tokens) {
            if (t instanceof Token.Literal l && l.spooled()) {
                try {
                    Files.deleteIfExists(l.file());
                } catch (IOException e) {
                    Logger.getLogger(RawCommand.class.getName()).log(Level.WARNING,
                            "cannot delete the spooled literal " + l.file(), e);
                }
            } else if (t instanceof Token.Parenthesized p) {
                release(p.items());
            }
        }
    }
}
