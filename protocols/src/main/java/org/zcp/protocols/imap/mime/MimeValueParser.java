package org.zcp.protocols.imap.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the structured MIME header values (RFC 2045 §5.1 tokens, quoted strings, comments) of
 * Content-Type, Content-Disposition and Content-Language. Broken input never throws: an
 * unparsable type gives null (the caller applies the RFC 2045 default) and an unparsable
 * parameter is skipped up to the next {@code ;}, as Dovecot does.
 */
final class MimeValueParser {
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    private final String s;
    private int pos;

    private MimeValueParser(String s) {
        this.s = s;
    }

    /** type "/" subtype *(";" parameter), or null when type or subtype is missing. */
    static ContentType contentType(String value) {
        MimeValueParser p = new MimeValueParser(value);
        String type = p.token();
        if (type.isEmpty() || !p.skip('/')) {
            return null;
        }
        String subtype = p.token();
        if (subtype.isEmpty()) {
            return null;
        }
        return new ContentType(type, subtype, p.parameters());
    }

    /** disposition-type *(";" parameter), or null when there is no type token. */
    static ContentDisposition disposition(String value) {
        MimeValueParser p = new MimeValueParser(value);
        String type = p.token();
        return type.isEmpty() ? null : new ContentDisposition(type, p.parameters());
    }

    /** The comma separated language tags (RFC 3282), comments and whitespace removed. */
    static List<String> languages(String value) {
        MimeValueParser p = new MimeValueParser(value);
        List<String> tags = new ArrayList<>();
        while (true) {
            p.skipCfws();
            if (p.pos >= p.s.length()) {
                return tags;
            }
            String tag = p.token();
            if (!tag.isEmpty()) {
                tags.add(tag);
            } else {
                p.pos++;
            }
        }
    }

    /** The first token of a value (the Content-Transfer-Encoding mechanism), or null. */
    static String firstToken(String value) {
        String token = new MimeValueParser(value).token();
        return token.isEmpty() ? null : token;
    }

    private List<Parameter> parameters() {
        List<Parameter> params = new ArrayList<>();
        while (true) {
            skipCfws();
            if (pos >= s.length()) {
                return params;
            }
            if (s.charAt(pos) != ';') {
                skipPastSemicolon();
                continue;
            }
            pos++;
            String name = token();
            if (name.isEmpty() || !skip('=')) {
                skipPastSemicolon();
                continue;
            }
            skipCfws();
            String value = pos < s.length() && s.charAt(pos) == '"' ? quotedString() : valueToken();
            params.add(new Parameter(name, value));
        }
    }

    /**
     * A parameter value token; stops only at whitespace and {@code ;} so that common broken
     * values such as unquoted {@code name=a/b} or {@code name==?utf-8?...} survive.
     */
    private String valueToken() {
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ';' || c == ' ' || c == '\t' || c == '(' || c == '\r' || c == '\n') {
                break;
            }
            pos++;
        }
        return s.substring(start, pos);
    }

    private String token() {
        skipCfws();
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c <= ' ' || c == 0x7f || TSPECIALS.indexOf(c) >= 0) {
                break;
            }
            pos++;
        }
        return s.substring(start, pos);
    }

    private boolean skip(char c) {
        skipCfws();
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipPastSemicolon() {
        while (pos < s.length() && s.charAt(pos) != ';') {
            if (s.charAt(pos) == '"') {
                quotedString();
            } else {
                pos++;
            }
        }
    }

    /** Reads a quoted string starting at the quote; an unterminated one ends at the end. */
    private String quotedString() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\' && pos < s.length()) {
                c = s.charAt(pos++);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private void skipCfws() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
            } else if (c == '(') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        int depth = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\\') {
                // found by fuzzing: a backslash ending the value stepped past its end, and the
                // next substring threw (MimeStructure.parse must never throw)
                if (pos < s.length()) pos++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return;
            }
        }
    }
}
