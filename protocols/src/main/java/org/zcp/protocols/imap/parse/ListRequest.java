package org.zcp.protocols.imap.parse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * LIST in its RFC 3501 form ({@code LIST "" %}) and its extended form (RFC 5258):
 * {@code LIST (SUBSCRIBED SPECIAL-USE) "" ("INBOX" "Sent*") RETURN (CHILDREN STATUS (UNSEEN))},
 * with the SPECIAL-USE options of RFC 6154 and RETURN STATUS of RFC 5819; also LSUB.
 *
 * @param reference the reference name, decoded
 * @param patterns one or more mailbox patterns with {@code *} and {@code %}, decoded
 * @param selection selection options; empty for the RFC 3501 form
 * @param returns return options
 * @param status the items of {@code RETURN (STATUS (...))}, or null
 */
public record ListRequest(String reference, List<String> patterns, Set<Selection> selection, Set<Return> returns,
        StatusItems status) {
    public ListRequest {
        patterns = List.copyOf(patterns);
        selection = Set.copyOf(selection);
        returns = Set.copyOf(returns);
    }

    public enum Selection {
        SUBSCRIBED, REMOTE, RECURSIVEMATCH, SPECIAL_USE
    }

    public enum Return {
        SUBSCRIBED, CHILDREN, SPECIAL_USE, STATUS
    }

    /** True when this is the extended form, whose responses differ (e.g. \NonExistent). */
    public boolean extended() {
        return !selection.isEmpty() || !returns.isEmpty() || patterns.size() > 1;
    }

    /** Parses the arguments of LIST. */
    public static ListRequest parse(Args args) throws ParseException {
        Set<Selection> selection = EnumSet.noneOf(Selection.class);
        if (args.nextIsList()) {
            Args opts = args.list();
            while (opts.hasNext()) selection.add(option(Selection.class, opts.keyword(), "selection"));
            if (selection.contains(Selection.RECURSIVEMATCH) && selection.size() == 1) {
                throw new ParseException("RECURSIVEMATCH needs another selection option");
            }
        }
        String reference = args.mailbox();
        List<String> patterns = new ArrayList<>();
        if (args.nextIsList()) {
            Args list = args.list();
            if (!list.hasNext()) throw new ParseException("Empty pattern list");
            while (list.hasNext()) patterns.add(pattern(list.next()));
        } else {
            patterns.add(pattern(args.next()));
        }
        Set<Return> returns = EnumSet.noneOf(Return.class);
        StatusItems status = null;
        if (args.accept("RETURN")) {
            Args opts = args.list();
            while (opts.hasNext()) {
                Return r = option(Return.class, opts.keyword(), "return");
                if (r == Return.STATUS) status = StatusItems.parse(opts);
                returns.add(r);
            }
        }
        args.end();
        return new ListRequest(reference, patterns, selection, returns, status);
    }

    /** Parses the arguments of LSUB, which has no options. */
    public static ListRequest parseLsub(Args args) throws ParseException {
        String reference = args.mailbox();
        String pattern = pattern(args.next());
        args.end();
        return new ListRequest(reference, List.of(pattern), Set.of(), Set.of(), null);
    }

    /** A {@code list-mailbox}: an atom that may hold wildcards, or a string; decoded like a name. */
    private static String pattern(Token t) throws ParseException {
        String wire;
        if (t instanceof Token.Atom a) {
            wire = a.text();
            for (int i = 0; i < wire.length(); i++) {
                char c = wire.charAt(i);
                if (!ImapReader.isAstringChar(c) && c != '*' && c != '%') throw new ParseException("Invalid pattern");
            }
        } else {
            wire = Args.astring(t);
        }
        try {
            return MailboxNames.canonicalInbox(MailboxNames.decode(wire));
        } catch (IllegalArgumentException e) {
            throw ParseException.refused("CANNOT", "Pattern is not valid modified UTF-7 (" + e.getMessage() + ")");
        }
    }

    private static <E extends Enum<E>> E option(Class<E> type, String word, String what) throws ParseException {
        try {
            return Enum.valueOf(type, word.replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ParseException("Unknown " + what + " option");
        }
    }
}
