package org.zcp.protocols.imap.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses an RFC 5322 address-list (with the obsolete route syntax) into ENVELOPE addresses.
 * Display names are returned as written apart from unquoting and joining words with one space;
 * encoded words stay encoded (RFC 3501 §7.4.2 wants the undecoded form). Without a display name,
 * the last comment serves as name (so {@code gray@cac (Terry Gray)} gets "Terry Gray"), as
 * Dovecot does. A mailbox without domain gets the empty host "" rather than NIL, because a NIL
 * host would read as group syntax. Malformed input yields whatever could be recognised.
 */
final class AddressParser {
    private final List<Token> tokens;
    private int pos;

    private AddressParser(String value) {
        this.tokens = Token.scan(value);
    }

    /** The addresses of a header value; empty when it holds none. */
    static List<Address> parse(String value) {
        AddressParser p = new AddressParser(value);
        List<Address> out = new ArrayList<>();
        p.list(out, false);
        return out;
    }

    /** Reads entries until the end (or, inside a group, until {@code ;}). */
    private void list(List<Address> out, boolean inGroup) {
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.isSpecial(',')) {
                pos++;
            } else if (t.isSpecial(';')) {
                pos++;
                if (inGroup) {
                    return;
                }
            } else {
                entry(out, inGroup);
            }
        }
    }

    private void entry(List<Address> out, boolean inGroup) {
        List<Token> words = new ArrayList<>();
        String comment = null;
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.kind == Token.Kind.COMMENT) {
                comment = t.text.isEmpty() ? comment : t.text;
                pos++;
            } else if (t.isSpecial('<')) {
                pos++;
                angleAddr(out, words, comment);
                return;
            } else if (t.isSpecial(':') && !inGroup) {
                pos++;
                out.add(Address.groupStart(phrase(words)));
                list(out, true);
                out.add(Address.groupEnd());
                return;
            } else if (t.isSpecial('@')) {
                pos++;
                String host = domain(">,;");
                out.add(new Address(trailingComment(comment), null, localPart(words), host));
                return;
            } else if (t.isSpecial(',') || t.isSpecial(';')) {
                break;
            } else {
                words.add(t);
                pos++;
            }
        }
        if (!words.isEmpty()) {
            out.add(new Address(comment, null, localPart(words), ""));
        }
    }

    /** After an addr-spec, a comment may follow up to the next separator. */
    private String trailingComment(String comment) {
        String found = comment;
        while (pos < tokens.size() && !tokens.get(pos).isSpecial(',') && !tokens.get(pos).isSpecial(';')) {
            if (tokens.get(pos).kind == Token.Kind.COMMENT && !tokens.get(pos).text.isEmpty()) {
                found = tokens.get(pos).text;
            }
            pos++;
        }
        return found;
    }

    /** {@code [route ":"] addr-spec ">"}, starting after the {@code <}. */
    private void angleAddr(List<Address> out, List<Token> phraseWords, String comment) {
        String adl = null;
        if (pos < tokens.size() && tokens.get(pos).isSpecial('@')) {
            StringBuilder route = new StringBuilder();
            while (pos < tokens.size() && !tokens.get(pos).isSpecial(':') && !tokens.get(pos).isSpecial('>')) {
                Token t = tokens.get(pos++);
                if (t.kind != Token.Kind.COMMENT) {
                    route.append(t.raw());
                }
            }
            if (pos < tokens.size() && tokens.get(pos).isSpecial(':')) {
                pos++;
            }
            adl = route.toString();
        }
        List<Token> local = new ArrayList<>();
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.isSpecial('@') || t.isSpecial('>') || t.isSpecial(',') || t.isSpecial(';')) {
                break;
            }
            if (t.kind != Token.Kind.COMMENT) {
                local.add(t);
            }
            pos++;
        }
        String host = "";
        if (pos < tokens.size() && tokens.get(pos).isSpecial('@')) {
            pos++;
            host = domain(">,;");
        }
        if (pos < tokens.size() && tokens.get(pos).isSpecial('>')) {
            pos++;
        }
        String name = phrase(phraseWords);
        String trailing = trailingComment(null);
        if (name == null) {
            name = trailing != null ? trailing : comment;
        }
        out.add(new Address(name, adl, localPart(local), host));
    }

    private String domain(String stops) {
        StringBuilder sb = new StringBuilder();
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.kind == Token.Kind.SPECIAL && stops.indexOf(t.text.charAt(0)) >= 0) {
                break;
            }
            if (t.kind == Token.Kind.COMMENT) {
                if (!sb.isEmpty()) {
                    break; // a comment after the domain may be the display name
                }
                pos++; // one before it, as in "user@ (comment) domain.org", is just skipped
                continue;
            }
            sb.append(t.raw());
            pos++;
        }
        return sb.toString();
    }

    /** Words of a local part joined without spaces ("john" "." "doe" gives john.doe). */
    private static String localPart(List<Token> words) {
        StringBuilder sb = new StringBuilder();
        for (Token t : words) {
            sb.append(t.text);
        }
        return sb.toString();
    }

    /** Phrase words joined by single spaces, periods attached to the word before; null if none. */
    private static String phrase(List<Token> words) {
        StringBuilder sb = new StringBuilder();
        for (Token t : words) {
            if (sb.length() > 0 && !t.isSpecial('.')) {
                sb.append(' ');
            }
            sb.append(t.text);
        }
        return words.isEmpty() ? null : sb.toString();
    }

    /** A lexical token of RFC 5322 structured header text. */
    record Token(Kind kind, String text) {
        enum Kind { ATOM, QUOTED, COMMENT, DOMAIN_LITERAL, SPECIAL }

        private static final String SPECIALS = "()<>[]:;@\\,.\"";

        boolean isSpecial(char c) {
            return kind == Kind.SPECIAL && text.charAt(0) == c;
        }

        /** The token as it would be written (domain literals keep their brackets). */
        String raw() {
            return kind == Kind.DOMAIN_LITERAL ? "[" + text + "]" : text;
        }

        static List<Token> scan(String s) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c <= ' ' || c == 0x7f) {
                    // white space, and any other control character a header may carry: skipped.
                    // Found by fuzzing: a control character started an atom that took no
                    // character, so the loop never advanced and filled the heap (FETCH
                    // ENVELOPE of a delivered message with \u0001 in From: took the JVM down)
                    i++;
                } else if (c == '"') {
                    i = delimited(s, i + 1, '"', Kind.QUOTED, out);
                } else if (c == '[') {
                    i = delimited(s, i + 1, ']', Kind.DOMAIN_LITERAL, out);
                } else if (c == '(') {
                    i = comment(s, i, out);
                } else if (SPECIALS.indexOf(c) >= 0) {
                    out.add(new Token(Kind.SPECIAL, String.valueOf(c)));
                    i++;
                } else {
                    int start = i;
                    while (i < s.length() && s.charAt(i) > ' ' && SPECIALS.indexOf(s.charAt(i)) < 0) {
                        i++;
                    }
                    out.add(new Token(Kind.ATOM, s.substring(start, i)));
                }
            }
            return out;
        }

        private static int delimited(String s, int i, char close, Kind kind, List<Token> out) {
            StringBuilder sb = new StringBuilder();
            while (i < s.length() && s.charAt(i) != close) {
                if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                    i++;
                }
                sb.append(s.charAt(i++));
            }
            out.add(new Token(kind, sb.toString()));
            return i + 1;
        }

        /** A comment, nested ones included; the token text is its content without the outer parens. */
        private static int comment(String s, int i, List<Token> out) {
            StringBuilder sb = new StringBuilder();
            int depth = 0;
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '\\' && i < s.length()) {
                    sb.append(s.charAt(i++));
                    continue;
                }
                if (c == '(' && depth++ == 0) {
                    continue;
                }
                if (c == ')' && --depth == 0) {
                    break;
                }
                sb.append(c);
            }
            out.add(new Token(Kind.COMMENT, sb.toString().strip()));
            return i;
        }
    }
}
