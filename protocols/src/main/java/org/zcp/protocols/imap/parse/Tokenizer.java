package org.zcp.protocols.imap.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits the text of a command into {@link Token}s, one line at a time. A command may span several
 * lines when it carries literals, and a parenthesized list may be open across them, so the
 * tokenizer keeps its nesting between {@link #feed} calls; the reader reads the literal octets in
 * between and hands them over with {@link #literal}.
 */
final class Tokenizer {
    /** Deeper nesting than any IMAP grammar needs; bounds the work a hostile client can cause. */
    static final int MAX_DEPTH = 32;
    static final long MAX_NUMBER = 0xFFFF_FFFFL;

    /** A literal announced at the end of a line: {@code {n}}, {@code {n+}} or {@code ~{n}}. */
    record LiteralSpec(long size, boolean sync, boolean binary) {
    }

    private final List<Token> root = new ArrayList<>();
    private final Deque<List<Token>> stack = new ArrayDeque<>();
    /** After a complete token only a space or a closing parenthesis may follow. */
    private boolean needSeparator;

    Tokenizer() {
        stack.push(root);
    }

    /** Tokenizes a whole string that may not contain literals (for sub-grammars such as sections). */
    static List<Token> tokenize(String text) throws ParseException {
        Tokenizer t = new Tokenizer();
        if (t.feed(text.getBytes(StandardCharsets.UTF_8), 0) != null) {
            throw new ParseException("Literal not allowed here");
        }
        return t.finish();
    }

    /** The top-level tokens so far, for looking at the command name before any literal is read. */
    List<Token> topLevel() {
        return root;
    }

    /**
     * Tokenizes {@code line[from..]}. Returns null when the line ends the command's text, or the
     * literal it announces at its end; the caller then reads the octets, passes them to
     * {@link #literal} and feeds the next line.
     */
    LiteralSpec feed(byte[] line, int from) throws ParseException {
        int i = from;
        int n = line.length;
        while (i < n) {
            byte c = line[i];
            if (c == ' ') {
                needSeparator = false;
                i++;
            } else if (c == ')') {
                if (stack.size() == 1) throw new ParseException("Unbalanced parentheses");
                List<Token> items = stack.pop();
                stack.peek().add(new Token.Parenthesized(items));
                needSeparator = true;
                i++;
            } else if (needSeparator) {
                throw new ParseException("Missing space between arguments");
            } else if (c == '(') {
                if (stack.size() > MAX_DEPTH) throw new ParseException("Lists nested too deeply");
                stack.push(new ArrayList<>());
                i++;
            } else if (c == '"') {
                i = quoted(line, i);
                needSeparator = true;
            } else if (c == '{' || (c == '~' && i + 1 < n && line[i + 1] == '{')) {
                return literalSpec(line, i);
            } else {
                i = atom(line, i);
                needSeparator = true;
            }
        }
        return null;
    }

    /** Adds the octets of the literal the last {@link #feed} announced. */
    void literal(Token.Literal literal) {
        stack.peek().add(literal);
        needSeparator = true;
    }

    /** The tokens of the whole command, once its last line has been fed. */
    List<Token> finish() throws ParseException {
        if (stack.size() != 1) throw new ParseException("Unbalanced parentheses");
        return List.copyOf(root);
    }

    private static LiteralSpec literalSpec(byte[] b, int start) throws ParseException {
        boolean binary = b[start] == '~';
        int j = start + (binary ? 2 : 1);
        long size = 0;
        int digits = 0;
        while (j < b.length && b[j] >= '0' && b[j] <= '9') {
            size = size * 10 + (b[j] - '0');
            if (++digits > 10 || size > MAX_NUMBER) throw new ParseException("Literal size too large");
            j++;
        }
        boolean sync = true;
        if (j < b.length && b[j] == '+') {
            sync = false;
            j++;
        }
        if (digits == 0 || j >= b.length || b[j] != '}') throw new ParseException("Invalid literal");
        if (j + 1 != b.length) throw new ParseException("Literal must end the line");
        return new LiteralSpec(size, sync, binary);
    }

    private int quoted(byte[] b, int start) throws ParseException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int j = start + 1;
        while (j < b.length) {
            byte c = b[j];
            if (c == '"') {
                stack.peek().add(new Token.Quoted(text.toString(StandardCharsets.UTF_8)));
                return j + 1;
            }
            if (c == '\\') {
                if (j + 1 < b.length && (b[j + 1] == '"' || b[j + 1] == '\\')) {
                    text.write(b[j + 1]);
                    j += 2;
                    continue;
                }
                throw new ParseException("Invalid escape in quoted string");
            }
            if (c == 0 || c == '\r') throw new ParseException("Control character in quoted string");
            text.write(c);
            j++;
        }
        throw new ParseException("Unterminated quoted string");
    }

    private int atom(byte[] b, int start) throws ParseException {
        int j = start;
        while (j < b.length) {
            byte c = b[j];
            if (c == ' ' || c == '(' || c == ')' || c == '"') break;
            if (c == '[') {
                int close = closingBracket(b, j);
                j = close < 0 ? j + 1 : close + 1;
                continue;
            }
            if ((c & 0x80) != 0) throw new ParseException("8-bit characters must be quoted or sent as literal");
            if (c < 0x20 || c == 0x7f) throw new ParseException("Control character in command");
            j++;
        }
        String text = new String(b, start, j - start, StandardCharsets.US_ASCII);
        stack.peek().add("NIL".equalsIgnoreCase(text) ? Token.Nil.INSTANCE : new Token.Atom(text));
        return j;
    }

    /** Index of the {@code ]} that closes the {@code [} at {@code open}, or -1. */
    private static int closingBracket(byte[] b, int open) {
        int k = open + 1;
        while (k < b.length) {
            byte c = b[k];
            if (c == ']') return k;
            if (c == '[' || c < 0x20 || c == 0x7f || (c & 0x80) != 0) return -1;
            if (c == '"') {
                k++;
                while (k < b.length && b[k] != '"') k += b[k] == '\\' ? 2 : 1;
                if (k >= b.length) return -1;
            }
            k++;
        }
        return -1;
    }
}
