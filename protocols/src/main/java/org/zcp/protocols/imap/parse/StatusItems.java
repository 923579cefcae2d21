package org.zcp.protocols.imap.parse;

import java.util.EnumSet;
import java.util.Set;

/**
 * The parenthesized item list of STATUS (RFC 3501 section 6.3.10), also used by LIST's
 * {@code RETURN (STATUS (...))} (RFC 5819).
 *
 * @param items at least one, in no particular order (the response may use any)
 */
public record StatusItems(Set<Item> items) {
    public StatusItems {
        items = Set.copyOf(items);
    }

    public enum Item {
        MESSAGES, RECENT, UIDNEXT, UIDVALIDITY, UNSEEN,
        /** RFC 7162. */
        HIGHESTMODSEQ,
        /** RFC 8438. */
        SIZE
    }

    /** Parses the list token. */
    public static StatusItems parse(Args args) throws ParseException {
        Args list = args.list();
        if (!list.hasNext()) throw new ParseException("Empty status item list");
        Set<Item> items = EnumSet.noneOf(Item.class);
        while (list.hasNext()) {
            String word = list.keyword();
            try {
                items.add(Item.valueOf(word));
            } catch (IllegalArgumentException e) {
                throw new ParseException("Unknown status item");
            }
        }
        return new StatusItems(items);
    }
}
