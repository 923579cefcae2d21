package org.zcp.protocols.imap.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a FETCH asks for (RFC 3501 section 6.4.5): the items, with the macros ALL, FAST and FULL
 * expanded, and the RFC 7162 modifiers {@code (CHANGEDSINCE n [VANISHED])}. Parses everything
 * after the sequence set.
 *
 * @param items the items in the client's order
 * @param changedSince the CHANGEDSINCE mod-sequence, or -1 when absent
 * @param vanished VANISHED was given (QRESYNC; only valid with UID FETCH, which the session checks)
 */
public record FetchAttributes(List<FetchAttribute> items, long changedSince, boolean vanished) {
    public FetchAttributes {
        items = List.copyOf(items);
    }

    /** The plain items, which have no arguments. */
    public enum Simple {
        ENVELOPE, FLAGS, INTERNALDATE, RFC822, RFC822_HEADER, RFC822_SIZE, RFC822_TEXT,
        /** BODY without a section: the non-extensible BODYSTRUCTURE. */
        BODY, BODYSTRUCTURE, UID, MODSEQ;

        /** The item's name on the wire. */
        public String wireName() {
            return name().replace('_', '.');
        }
    }

    /** One FETCH item. */
    public sealed interface FetchAttribute {
    }

    public record SimpleAttribute(Simple kind) implements FetchAttribute {
    }

    /**
     * {@code BODY[section]<origin.count>} or {@code BODY.PEEK[...]}.
     *
     * @param partial the {@code <origin.count>} part, or null
     */
    public record BodySection(boolean peek, Section section, Partial partial) implements FetchAttribute {
    }

    /**
     * {@code BINARY[part]<partial>}, {@code BINARY.PEEK[...]} or, when {@code sizeOnly},
     * {@code BINARY.SIZE[part]} (RFC 3516).
     */
    public record Binary(boolean peek, boolean sizeOnly, List<Integer> part, Partial partial)
            implements FetchAttribute {
        public Binary {
            part = List.copyOf(part);
        }
    }

    /** {@code <origin.count>}; the response names only the origin. */
    public record Partial(long origin, long count) {
    }

    private static final Map<String, List<Simple>> MACROS = Map.of(
            "ALL", List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE, Simple.ENVELOPE),
            "FAST", List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE),
            "FULL", List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE, Simple.ENVELOPE, Simple.BODY));

    /** True when a response must carry MODSEQ: asked for, or implied by CHANGEDSINCE. */
    public boolean includesModSeq() {
        return changedSince >= 0 || items.contains(new SimpleAttribute(Simple.MODSEQ));
    }

    /** True when some item may set \Seen (a non-PEEK body section, RFC822, RFC822.TEXT). */
    public boolean setsSeen() {
        for (FetchAttribute a : items) {
            if (a instanceof BodySection b && !b.peek()) return true;
            if (a instanceof Binary b && !b.peek() && !b.sizeOnly()) return true;
            if (a instanceof SimpleAttribute s && (s.kind() == Simple.RFC822 || s.kind() == Simple.RFC822_TEXT)) {
                return true;
            }
        }
        return false;
    }

    /** Parses the items and modifiers; consumes the rest of the arguments. */
    public static FetchAttributes parse(Args args) throws ParseException {
        List<FetchAttribute> items = new ArrayList<>();
        Token first = args.next();
        if (first instanceof Token.Parenthesized list) {
            if (list.items().isEmpty()) throw new ParseException("Empty fetch item list");
            for (Token t : list.items()) items.add(attribute(t));
        } else {
            String word = Args.wordOf(first);
            List<Simple> macro = word == null ? null : MACROS.get(word.toUpperCase(Locale.ROOT));
            if (macro != null) {
                macro.forEach(s -> items.add(new SimpleAttribute(s)));
            } else {
                items.add(attribute(first));
            }
        }
        long changedSince = -1;
        boolean vanished = false;
        if (args.hasNext()) {
            Args mods = args.list();
            while (mods.hasNext()) {
                String mod = mods.keyword();
                if (mod.equals("CHANGEDSINCE") && changedSince < 0) {
                    changedSince = mods.modSequence();
                } else if (mod.equals("VANISHED") && !vanished) {
                    vanished = true;
                } else {
                    throw new ParseException("Unknown or repeated fetch modifier");
                }
            }
            if (vanished && changedSince < 0) throw new ParseException("VANISHED requires CHANGEDSINCE");
        }
        args.end();
        return new FetchAttributes(items, changedSince, vanished);
    }

    private static FetchAttribute attribute(Token t) throws ParseException {
        String text = Args.wordOf(t);
        if (text == null) throw new ParseException("Invalid fetch item");
        int open = text.indexOf('[');
        if (open < 0) {
            String upper = text.toUpperCase(Locale.ROOT);
            for (Simple s : Simple.values()) {
                if (s.wireName().equals(upper)) return new SimpleAttribute(s);
            }
            throw new ParseException("Unknown fetch item");
        }
        int close = text.indexOf(']', open);
        if (close < 0) throw new ParseException("Invalid fetch item");
        String name = text.substring(0, open).toUpperCase(Locale.ROOT);
        String inside = text.substring(open + 1, close);
        Partial partial = partial(text.substring(close + 1));
        return switch (name) {
            case "BODY", "BODY.PEEK" -> new BodySection(name.endsWith("PEEK"), Section.parse(inside), partial);
            case "BINARY", "BINARY.PEEK" -> new Binary(name.endsWith("PEEK"), false, Section.partNumbers(inside), partial);
            case "BINARY.SIZE" -> {
                if (partial != null) throw new ParseException("Invalid fetch item");
                yield new Binary(false, true, Section.partNumbers(inside), null);
            }
            default -> throw new ParseException("Unknown fetch item");
        };
    }

    private static Partial partial(String text) throws ParseException {
        if (text.isEmpty()) return null;
        int dot = text.indexOf('.');
        if (!text.startsWith("<") || !text.endsWith(">") || dot < 0) throw new ParseException("Invalid partial");
        long origin = Args.number(new Token.Atom(nonEmpty(text.substring(1, dot))), Tokenizer.MAX_NUMBER);
        long count = Args.number(new Token.Atom(nonEmpty(text.substring(dot + 1, text.length() - 1))),
                Tokenizer.MAX_NUMBER);
        if (count == 0) throw new ParseException("Invalid partial");
        return new Partial(origin, count);
    }

    private static String nonEmpty(String s) throws ParseException {
        if (s.isEmpty()) throw new ParseException("Invalid partial");
        return s;
    }

    /** The items in their wire form, for logs and tests. */
    @Override
    public String toString() {
        return items.stream().map(FetchAttributes::wire).collect(Collectors.joining(" ", "(", ")"))
                + (changedSince >= 0 ? " (CHANGEDSINCE " + changedSince + (vanished ? " VANISHED)" : ")") : "");
    }

    /** An item's name as it appears in the FETCH response ({@code BODY[1.HEADER]<0>}). */
    public static String wire(FetchAttribute a) {
        return switch (a) {
            case SimpleAttribute s -> s.kind().wireName();
            case BodySection b -> "BODY[" + b.section() + "]" + (b.partial() == null ? "" : "<" + b.partial().origin() + ">");
            case Binary b -> (b.sizeOnly() ? "BINARY.SIZE[" : "BINARY[")
                    + b.part().stream().map(String::valueOf).collect(Collectors.joining(".")) + "]"
                    + (b.partial() == null ? "" : "<" + b.partial().origin() + ">");
        };
    }
}
