package org.zcp.protocols.imap.parse;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * APPEND (RFC 3501 section 6.3.11): {@code APPEND saved-messages (\Seen) "17-Jul-1996 02:44:25
 * -0700" {310}}, the message as a literal or a literal8 (RFC 3516).
 *
 * @param mailbox the target, decoded
 * @param flags the flags to set, possibly empty
 * @param internalDate the internal date to give the message, or null for "now"
 * @param message the message octets; {@link Token.Literal#binary()} for a literal8
 */
public record AppendRequest(String mailbox, Set<String> flags, OffsetDateTime internalDate, Token.Literal message) {
    public AppendRequest {
        flags = Set.copyOf(flags);
    }

    /** Parses the arguments of APPEND (one message; MULTIAPPEND is not supported). */
    public static AppendRequest parse(Args args) throws ParseException {
        String mailbox = args.mailbox();
        Set<String> flags = Set.of();
        if (args.nextIsList()) flags = Flags.list(args.next());
        OffsetDateTime date = null;
        if (args.peek() instanceof Token.Quoted q) {
            args.next();
            date = ImapDates.parseDateTime(q.text());
        }
        Token.Literal message = args.literal();
        args.end();
        return new AppendRequest(mailbox, flags, date, message);
    }
}
