package org.zcp.protocols.imap.parse;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Message flags in commands (RFC 3501 {@code flag}): the system flags, spelled canonically
 * whatever case the client used because they are case-insensitive and the store compares them
 * exactly, and keywords, which are atoms and kept as sent.
 */
public final class Flags {
    public static final String ANSWERED = "\\Answered";
    public static final String FLAGGED = "\\Flagged";
    public static final String DELETED = "\\Deleted";
    public static final String SEEN = "\\Seen";
    public static final String DRAFT = "\\Draft";
    public static final String RECENT = "\\Recent";

    private static final Map<String, String> SYSTEM = Map.of("\\ANSWERED", ANSWERED, "\\FLAGGED", FLAGGED,
            "\\DELETED", DELETED, "\\SEEN", SEEN, "\\DRAFT", DRAFT, "\\RECENT", RECENT);

    private Flags() {
    }

    /**
     * One flag a client may set. {@code \Recent} is refused: only the server sets it (RFC 3501
     * section 2.3.2).
     */
    public static String flag(Token token) throws ParseException {
        String text = atomText(token, "Invalid flag");
        if (text.startsWith("\\")) {
            String system = SYSTEM.get(text.toUpperCase(Locale.ROOT));
            if (RECENT.equals(system)) throw new ParseException("\\Recent cannot be set");
            if (system != null) return system;
            checkAtom(text.substring(1));
            return text;
        }
        checkAtom(text);
        return text;
    }

    /** A keyword (SEARCH KEYWORD), which has no backslash. */
    public static String keyword(Token token) throws ParseException {
        String text = atomText(token, "Invalid keyword");
        checkAtom(text);
        return text;
    }

    /**
     * The text of an atom. {@code NIL} is an atom too where a flag stands ({@code flag-keyword =
     * atom}), so {@code STORE 1 +FLAGS NIL} sets the keyword NIL, as Dovecot does.
     */
    private static String atomText(Token token, String error) throws ParseException {
        if (token instanceof Token.Atom atom) return atom.text();
        if (token instanceof Token.Nil) return "NIL";
        throw new ParseException(error);
    }

    /** A parenthesized {@code flag-list}, possibly empty; duplicates dropped, order kept. */
    public static Set<String> list(Token token) throws ParseException {
        if (!(token instanceof Token.Parenthesized list)) throw new ParseException("Flag list expected");
        Set<String> flags = new LinkedHashSet<>();
        for (Token t : list.items()) flags.add(flag(t));
        return Collections.unmodifiableSet(flags);
    }

    /**
     * Whether a flag from the store may be written to the client as it is: a backslash and an
     * atom (system and extension flags), or a keyword that is an atom (RFC 3501
     * {@code flag-keyword = atom}). Keywords come from the categories property, which any SOAP
     * client can fill with spaces, parentheses or CRLF; written unquoted into FLAGS they would
     * inject responses (security review #15), so the others are left out of every response.
     */
    public static boolean wireSafe(String flag) {
        if (flag == null) return false;
        String atom = flag.startsWith("\\") ? flag.substring(1) : flag;
        if (atom.isEmpty()) return false;
        for (int i = 0; i < atom.length(); i++) {
            if (!ImapReader.isAtomChar(atom.charAt(i))) return false;
        }
        return true;
    }

    private static void checkAtom(String text) throws ParseException {
        if (text.isEmpty()) throw new ParseException("Invalid flag");
        for (int i = 0; i < text.length(); i++) {
            if (!ImapReader.isAtomChar(text.charAt(i))) throw new ParseException("Invalid flag");
        }
    }
}
