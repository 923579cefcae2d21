package org.zcp.protocols.imap.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed FETCH BODY[section] specifier (RFC 3501 §6.4.5, grammar {@code section-spec} in §9):
 * a possibly empty list of part numbers followed by an optional text specifier.
 *
 * @param parts the part numbers, e.g. [1, 2] for "1.2"; empty for the whole message
 * @param text what to take from the addressed part
 * @param fields header field names for HEADER.FIELDS and HEADER.FIELDS.NOT, else empty
 */
public record SectionSpec(List<Integer> parts, Text text, List<String> fields) {

    /** The section-text alternatives; NONE means the part's body (or the whole message). */
    public enum Text { NONE, HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT, TEXT, MIME }

    public SectionSpec {
        parts = List.copyOf(parts);
        fields = List.copyOf(fields);
    }

    /**
     * Parses the text between the brackets, case-insensitively.
     *
     * @throws IllegalArgumentException when the specifier is not valid RFC 3501 syntax (the
     *     command layer answers BAD); a well-formed specifier naming a missing part is fine
     */
    public static SectionSpec parse(String spec) {
        String s = spec.strip();
        List<Integer> parts = new ArrayList<>();
        int pos = 0;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            int n = parseNumber(s.substring(start, pos), spec);
            parts.add(n);
            if (pos < s.length()) {
                if (s.charAt(pos) != '.') {
                    throw bad(spec);
                }
                pos++;
                if (pos == s.length()) {
                    throw bad(spec);
                }
            }
        }
        String rest = s.substring(pos);
        String upper = rest.toUpperCase(Locale.ROOT);
        if (upper.isEmpty()) {
            return new SectionSpec(parts, Text.NONE, List.of());
        }
        if (upper.equals("HEADER")) {
            return new SectionSpec(parts, Text.HEADER, List.of());
        }
        if (upper.equals("TEXT")) {
            return new SectionSpec(parts, Text.TEXT, List.of());
        }
        if (upper.equals("MIME") && !parts.isEmpty()) {
            return new SectionSpec(parts, Text.MIME, List.of());
        }
        if (upper.startsWith("HEADER.FIELDS.NOT")) {
            return new SectionSpec(parts, Text.HEADER_FIELDS_NOT, headerList(rest.substring(17), spec));
        }
        if (upper.startsWith("HEADER.FIELDS")) {
            return new SectionSpec(parts, Text.HEADER_FIELDS, headerList(rest.substring(13), spec));
        }
        throw bad(spec);
    }

    private static int parseNumber(String digits, String spec) {
        try {
            int n = Integer.parseInt(digits);
            if (n <= 0) {
                throw bad(spec);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(spec);
        }
    }

    /** {@code SP "(" astring *(SP astring) ")"}; quoted names are unquoted. */
    private static List<String> headerList(String s, String spec) {
        String t = s.strip();
        if (s.isEmpty() || !Character.isWhitespace(s.charAt(0)) || !t.startsWith("(") || !t.endsWith(")")) {
            throw bad(spec);
        }
        String inner = t.substring(1, t.length() - 1);
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < inner.length()) {
            char c = inner.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < inner.length() && inner.charAt(i) != '"') {
                    if (inner.charAt(i) == '\\' && i + 1 < inner.length()) {
                        i++;
                    }
                    sb.append(inner.charAt(i++));
                }
                if (i >= inner.length()) {
                    throw bad(spec);
                }
                i++;
                names.add(sb.toString());
            } else {
                int start = i;
                while (i < inner.length() && inner.charAt(i) != ' ') {
                    i++;
                }
                names.add(inner.substring(start, i));
            }
        }
        if (names.isEmpty()) {
            throw bad(spec);
        }
        return names;
    }

    private static IllegalArgumentException bad(String spec) {
        return new IllegalArgumentException("invalid section specifier: " + spec);
    }
}
