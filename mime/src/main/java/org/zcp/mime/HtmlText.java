package org.zcp.mime;

import java.util.Map;
import org.zcp.mime.HtmlText;

/**
 * A plain-text rendering of an HTML body, for PR_BODY when a message has only HTML.
 *
 * <p>Three hand-written passes, each linear in the length of its input (security review #2: the
 * regular expressions used before scanned to the end of the text from every {@code <}, minutes of
 * CPU for 400 KB of hostile mail): tags are dropped ({@code script}, {@code style}, {@code title},
 * {@code head} and comments with their content), {@code <br>} and the end of a block element
 * become line breaks; then character references are decoded; then blanks before line ends are
 * trimmed and runs of empty lines collapse. The result is at most {@link #MAX_CHARS} characters.
 */
final class HtmlText {
    /** Upper bound of the rendered text; a longer rendering is cut (the HTML itself is kept whole). */
    static final int MAX_CHARS = 2 * 1024 * 1024;
    /** Elements removed with everything up to their end tag. */
    private static final String[] HIDDEN = {"script", "style", "title", "head"};
    /** Elements whose end tag ends a line. */
    private static final String[] BLOCKS = {"p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6"};
    /** Longest named reference looked at; longer runs of letters are text. */
    private static final int MAX_NAME = 32;

    private HtmlText() {
    }

    static String toText(String html) {
        return whitespace(entities(tags(html)));
    }

    /**
     * Pass 1: markup out. Every search for a closing {@code >}, {@code -->} or end tag that fails
     * is remembered, so text without them is scanned once, not once per {@code <}.
     */
    private static String tags(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(Math.min(n, MAX_CHARS));
        int noGtFrom = Integer.MAX_VALUE;          // no '>' at or after this index
        int noCommentEndFrom = Integer.MAX_VALUE;  // no "-->" at or after this index
        int[] noEndTagFrom = new int[HIDDEN.length];
        java.util.Arrays.fill(noEndTagFrom, Integer.MAX_VALUE);
        int i = 0;
        while (i < n && out.length() < MAX_CHARS) {
            char c = s.charAt(i);
            if (c != '<') {
                out.append(c);
                i++;
                continue;
            }
            if (s.startsWith("<!--", i) && i < noCommentEndFrom) {
                int end = s.indexOf("-->", i + 4);
                if (end >= 0) {
                    i = end + 3;
                    continue;
                }
                noCommentEndFrom = i;
            }
            int gt = i < noGtFrom ? s.indexOf('>', i + 1) : -1;
            if (gt < 0) {
                // no tag can close any more: the rest is text
                noGtFrom = Math.min(noGtFrom, i);
                out.append(c);
                i++;
                continue;
            }
            int hidden = nameIndex(s, i + 1, gt, HIDDEN);
            if (hidden >= 0 && i < noEndTagFrom[hidden]) {
                int close = endTag(s, gt + 1, HIDDEN[hidden]);
                if (close >= 0) {
                    i = close;
                    continue;
                }
                noEndTagFrom[hidden] = i;
            }
            if (isBreak(s, i + 1, gt)) {
                out.append('\n');
            } else if (s.charAt(i + 1) == '/' && gt == i + 2 + nameLength(s, i + 2, gt)
                    && nameIndex(s, i + 2, gt, BLOCKS) >= 0) {
                out.append('\n');
            }
            i = gt + 1;
        }
        if (out.length() > MAX_CHARS) out.setLength(MAX_CHARS);
        return out.toString();
    }

    /** The index in {@code names} of the element name at {@code from} (ended by blank, '/' or '>'), or -1. */
    private static int nameIndex(String s, int from, int limit, String[] names) {
        int len = nameLength(s, from, limit);
        if (len == 0) return -1;
        for (int k = 0; k < names.length; k++) {
            if (names[k].length() == len && s.regionMatches(true, from, names[k], 0, len)) return k;
        }
        return -1;
    }

    private static int nameLength(String s, int from, int limit) {
        int j = from;
        while (j < limit && Character.isLetterOrDigit(s.charAt(j))) j++;
        return j - from;
    }

    /** {@code <br>}, {@code <br/>}, {@code <br />} in any case; the tag body is s[from, gt). */
    private static boolean isBreak(String s, int from, int gt) {
        if (gt - from < 2 || !s.regionMatches(true, from, "br", 0, 2)) return false;
        int j = from + 2;
        while (j < gt && Character.isWhitespace(s.charAt(j))) j++;
        if (j < gt && s.charAt(j) == '/') j++;
        return j == gt;
    }

    /** The index just after {@code </name>} (blanks allowed before '>') at or after {@code from}, or -1. */
    private static int endTag(String s, int from, String name) {
        int n = s.length();
        int i = s.indexOf("</", from);
        while (i >= 0) {
            int j = i + 2;
            if (s.regionMatches(true, j, name, 0, name.length())) {
                j += name.length();
                while (j < n && Character.isWhitespace(s.charAt(j))) j++;
                if (j < n && s.charAt(j) == '>') return j + 1;
            }
            i = s.indexOf("</", i + 2);
        }
        return -1;
    }

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("nbsp", " "), Map.entry("lt", "<"), Map.entry("gt", ">"),
            Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("euro", "\u20ac"),
            Map.entry("copy", "\u00a9"), Map.entry("reg", "\u00ae"), Map.entry("szlig", "\u00df"),
            Map.entry("auml", "\u00e4"), Map.entry("ouml", "\u00f6"), Map.entry("uuml", "\u00fc"),
            Map.entry("Auml", "\u00c4"), Map.entry("Ouml", "\u00d6"), Map.entry("Uuml", "\u00dc"),
            Map.entry("eacute", "\u00e9"), Map.entry("egrave", "\u00e8"), Map.entry("aacute", "\u00e1"),
            Map.entry("agrave", "\u00e0"), Map.entry("ccedil", "\u00e7"), Map.entry("ntilde", "\u00f1"),
            Map.entry("hellip", "\u2026"), Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"),
            Map.entry("laquo", "\u00ab"), Map.entry("raquo", "\u00bb"), Map.entry("bull", "\u2022"),
            Map.entry("amp", "&"));

    /**
     * Pass 2: numeric and common named character references, in one left-to-right scan (so the
     * {@code &} of {@code &amp;lt;} never starts another reference). A numeric reference to no
     * character (0, a surrogate, beyond U+10FFFF, any number of digits) becomes U+FFFD as HTML 5
     * (13.2.5.80) does (security review #21: it threw and made the message undeliverable).
     */
    static String entities(String s) {
        int n = s.length();
        if (s.indexOf('&') < 0) return s;
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = reference(s, i, out);
            if (end < 0) {
                out.append(c);
                i++;
            } else {
                i = end;
            }
        }
        return out.toString();
    }

    /** Decodes the reference at {@code amp} into {@code out}; the index after its ';', or -1 if none. */
    private static int reference(String s, int amp, StringBuilder out) {
        int n = s.length();
        int j = amp + 1;
        if (j < n && s.charAt(j) == '#') {
            j++;
            boolean hex = j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
            if (hex) j++;
            int digits = j;
            long cp = 0;
            int d;
            while (j < n && (d = digit(s.charAt(j), hex)) >= 0) {
                // saturate instead of overflowing: any number of digits is one (invalid) value
                cp = Math.min(cp * (hex ? 16 : 10) + d, 0x110000L);
                j++;
            }
            if (j == digits || j >= n || s.charAt(j) != ';') return -1;
            int v = (int) cp;
            boolean valid = v != 0 && v <= Character.MAX_CODE_POINT
                    && !(v >= Character.MIN_SURROGATE && v <= Character.MAX_SURROGATE);
            out.appendCodePoint(valid ? v : 0xFFFD);
            return j + 1;
        }
        int start = j;
        while (j < n && j - start <= MAX_NAME && isAsciiLetter(s.charAt(j))) j++;
        if (j == start || j >= n || s.charAt(j) != ';') return -1;
        String rep = NAMED.get(s.substring(start, j));
        if (rep == null) return -1;
        out.append(rep);
        return j + 1;
    }

    /** An ASCII digit's value (hexadecimal when {@code hex}), or -1. */
    private static int digit(char c, boolean hex) {
        if (c >= '0' && c <= '9') return c - '0';
        if (!hex) return -1;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Pass 3: blanks before a line end dropped, three or more line ends made two, the ends trimmed. */
    private static String whitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int blankStart = -1;
        int newlines = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                if (blankStart < 0) blankStart = out.length();
                out.append(c);
            } else if (c == '\n') {
                if (blankStart >= 0) out.setLength(blankStart);
                blankStart = -1;
                if (++newlines <= 2) out.append(c);
            } else {
                blankStart = -1;
                newlines = 0;
                out.append(c);
            }
        }
        return out.toString().strip();
    }

}
