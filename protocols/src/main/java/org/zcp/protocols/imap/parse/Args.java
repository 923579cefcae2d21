package org.zcp.protocols.imap.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A cursor over a command's arguments that reads them as the RFC 3501 grammar names them
 * ({@code astring}, {@code nstring}, {@code mailbox}, {@code number}, ...). Each method consumes
 * one token or throws a {@link ParseException} whose message can go to the client as is.
 */
public final class Args {
    private final List<Token> tokens;
    private int index;

    public Args(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    public boolean hasNext() {
        return index < tokens.size();
    }

    /** The next token without consuming it, or null at the end. */
    public Token peek() {
        return hasNext() ? tokens.get(index) : null;
    }

    public Token next() throws ParseException {
        if (!hasNext()) throw new ParseException("Missing argument");
        return tokens.get(index++);
    }

    /** Fails when arguments are left over. */
    public void end() throws ParseException {
        if (hasNext()) throw new ParseException("Too many arguments");
    }

    /** Consumes the next token if it is the atom {@code word} (case-insensitive). */
    public boolean accept(String word) {
        Token t = peek();
        if (t != null && word.equalsIgnoreCase(wordOf(t))) {
            index++;
            return true;
        }
        return false;
    }

    /** True when the next token is a parenthesized list. */
    public boolean nextIsList() {
        return peek() instanceof Token.Parenthesized;
    }

    /** An atom, upper-cased: a keyword such as a command option or search key. */
    public String keyword() throws ParseException {
        String w = wordOf(next());
        if (w == null) throw new ParseException("Keyword expected");
        return w.toUpperCase(Locale.ROOT);
    }

    public String astring() throws ParseException {
        return astring(next());
    }

    public String astring(Charset charset) throws ParseException {
        return astring(next(), charset);
    }

    /** An nstring: null for NIL. */
    public String nstring() throws ParseException {
        Token t = next();
        return t instanceof Token.Nil ? null : string(t);
    }

    /** A mailbox name: {@link #mailbox(Token)}. */
    public String mailbox() throws ParseException {
        return mailbox(next());
    }

    /** A {@code number} (32-bit unsigned). */
    public long number() throws ParseException {
        return number(next(), Tokenizer.MAX_NUMBER);
    }

    /** An {@code nz-number}. */
    public long nzNumber() throws ParseException {
        long n = number();
        if (n == 0) throw new ParseException("Number must not be zero");
        return n;
    }

    /** A {@code mod-sequence-value} (RFC 7162: 63-bit unsigned). */
    public long modSequence() throws ParseException {
        return number(next(), Long.MAX_VALUE);
    }

    public SequenceSet sequenceSet() throws ParseException {
        Token t = next();
        if (!(t instanceof Token.Atom atom)) throw new ParseException("Invalid sequence set");
        return SequenceSet.parse(atom.text());
    }

    /** A parenthesized list, as a cursor over its items. */
    public Args list() throws ParseException {
        Token t = next();
        if (!(t instanceof Token.Parenthesized p)) throw new ParseException("List expected");
        return new Args(p.items());
    }

    /** A literal or literal8 (APPEND's message). */
    public Token.Literal literal() throws ParseException {
        if (!(next() instanceof Token.Literal literal)) throw new ParseException("Literal expected");
        return literal;
    }

    // --- single-token helpers ---

    /** An astring: atom, quoted string or literal (as UTF-8); NIL is the word "NIL" here. */
    public static String astring(Token t) throws ParseException {
        return astring(t, StandardCharsets.UTF_8);
    }

    /** An astring whose literal octets are in {@code charset} (SEARCH CHARSET). */
    public static String astring(Token t, Charset charset) throws ParseException {
        return switch (t) {
            case Token.Atom a -> checkAstringAtom(a.text());
            case Token.Nil n -> "NIL";
            case Token.Quoted q -> q.text();
            case Token.Literal l -> inMemory(l).text(charset);
            case Token.Parenthesized p -> throw new ParseException("String expected");
        };
    }

    /** A string: quoted or literal only. */
    public static String string(Token t) throws ParseException {
        return switch (t) {
            case Token.Quoted q -> q.text();
            case Token.Literal l -> inMemory(l).text();
            default -> throw new ParseException("String expected");
        };
    }

    /**
     * A mailbox name (any astring, RFC 3501 section 9), decoded from modified UTF-7 (section
     * 5.1.3), with INBOX in any case made {@code INBOX}, also as the first level of a longer name.
     * A name that is not valid modified UTF-7 is refused with {@code NO [CANNOT]}, as Dovecot does.
     */
    public static String mailbox(Token t) throws ParseException {
        String wire = astring(t);
        try {
            return MailboxNames.canonicalInbox(MailboxNames.decode(wire));
        } catch (IllegalArgumentException e) {
            throw ParseException.refused("CANNOT", "Mailbox name is not valid modified UTF-7 (" + e.getMessage() + ")");
        }
    }

    /** The text of an atom (or NIL), else null. */
    static String wordOf(Token t) {
        if (t instanceof Token.Atom a) return a.text();
        if (t instanceof Token.Nil) return "NIL";
        return null;
    }

    static long number(Token t, long max) throws ParseException {
        String s = wordOf(t);
        if (s == null || s.isEmpty() || s.length() > 19) throw new ParseException("Number expected");
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new ParseException("Number expected");
            if (n > (max - (c - '0')) / 10) throw new ParseException("Number too large");
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Only APPEND's message may be a spooled literal; as a string it would be read into memory. */
    private static Token.Literal inMemory(Token.Literal l) throws ParseException {
        if (l.spooled()) throw new ParseException("String too long");
        return l;
    }

    private static String checkAstringAtom(String text) throws ParseException {
        for (int i = 0; i < text.length(); i++) {
            if (!ImapReader.isAstringChar(text.charAt(i))) throw new ParseException("Invalid characters in string");
        }
        return text;
    }
}
