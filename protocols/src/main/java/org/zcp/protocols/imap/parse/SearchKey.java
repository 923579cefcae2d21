package org.zcp.protocols.imap.parse;

import java.time.LocalDate;
import java.util.List;

/**
 * A SEARCH criterion (RFC 3501 section 6.4.4, plus MODSEQ from RFC 7162) as a tree. The many
 * flag keys of the RFC are reduced to {@link HasFlag} and {@link Not}, and NEW and OLD to what
 * they are defined as, so whoever evaluates the tree handles a few node types instead of forty
 * keywords; the meaning is unchanged.
 */
public sealed interface SearchKey {

    /** ALL. */
    record All() implements SearchKey {
    }

    /** Messages with the flag or keyword ({@code SEEN} is {@code HasFlag("\\Seen")}). */
    record HasFlag(String flag) implements SearchKey {
    }

    /** A header field contains the text (SUBJECT, HEADER); empty text: the field exists. */
    record Header(String field, String text) implements SearchKey {
    }

    /**
     * An address field (FROM, TO, CC, BCC) contains the text: in its text, or in its addresses
     * written plainly ({@code Display Name <mailbox@host>}: comments, quoting and RFC 2047
     * encoding undone); empty text: the field exists.
     */
    record Addresses(String field, String text) implements SearchKey {
    }

    /** BODY: the body contains the text. */
    record Body(String text) implements SearchKey {
    }

    /** TEXT: header or body contains the text. */
    record Text(String text) implements SearchKey {
    }

    /** How a date is compared: before the day, on it, on or after it (RFC 3501 SINCE). */
    enum DateOp {
        BEFORE, ON, SINCE
    }

    /** BEFORE / ON / SINCE on the internal date, or SENTBEFORE / SENTON / SENTSINCE on the Date: header. */
    record DateKey(boolean sent, DateOp op, LocalDate date) implements SearchKey {
    }

    /** LARGER (larger true) or SMALLER than the given RFC822.SIZE. */
    record Size(boolean larger, long octets) implements SearchKey {
    }

    /** Message sequence numbers. */
    record Sequence(SequenceSet set) implements SearchKey {
    }

    /** UID set. */
    record Uid(SequenceSet set) implements SearchKey {
    }

    /**
     * MODSEQ (RFC 7162): messages with a mod-sequence at least {@code modSeq}. The optional entry
     * names a flag's metadata ({@code "/flags/\\draft"}) and {@code entryType} is priv, shared or
     * all; both null when absent.
     */
    record ModSeq(long modSeq, String entryName, String entryType) implements SearchKey {
    }

    record Not(SearchKey key) implements SearchKey {
    }

    record Or(SearchKey left, SearchKey right) implements SearchKey {
    }

    /** All of the keys: a parenthesized group, or the top level of the command. */
    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
        }
    }
}
