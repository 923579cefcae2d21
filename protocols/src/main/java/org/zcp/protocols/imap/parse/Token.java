package org.zcp.protocols.imap.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One lexical element of a command (RFC 3501 section 4). The reader only splits the command into
 * these; what an atom means (a number, a sequence set, a flag, a FETCH item) depends on where it
 * stands and is decided by {@link Args} and the typed parsers.
 */
public sealed interface Token permits Token.Atom, Token.Quoted, Token.Literal, Token.Nil, Token.Parenthesized {

    /**
     * An unquoted word, which also covers what the formal syntax calls sequence sets, numbers,
     * flags ({@code \Seen}), list patterns ({@code %}, {@code *}) and FETCH items. A word with a
     * bracketed part keeps it whole, spaces included: {@code BODY[HEADER.FIELDS (DATE)]<0.10>} is
     * one atom, because splitting it at the space would lose what belongs to the section.
     */
    record Atom(String text) implements Token {
        public Atom {
            if (text == null || text.isEmpty()) throw new IllegalArgumentException("empty atom");
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A quoted string with its escapes removed. */
    record Quoted(String text) implements Token {
        public Quoted {
            if (text == null) throw new IllegalArgumentException("null");
        }
    }

    /** {@code NIL}; as an astring (a mailbox called NIL) it still reads as the word. */
    record Nil() implements Token {
        public static final Nil INSTANCE = new Nil();

        @Override
        public String toString() {
            return "NIL";
        }
    }

    /** A parenthesized list; nested lists are tokens too. */
    record Parenthesized(List<Token> items) implements Token {
        public Parenthesized {
            items = List.copyOf(items);
        }
    }

    /**
     * A literal ({@code {n}}, {@code {n+}}) or, when {@code binary}, a literal8 ({@code ~{n}},
     * RFC 3516). Not a record: the bytes may be a whole message, so they are shared with the
     * reader instead of copied on every access, and the class copies only when asked for an array.
     *
     * <p>A large APPEND message is not kept in memory at all: the reader spools it to a private
     * temporary file while it arrives ({@link #spooled()}); such a literal is only read through
     * {@link #openStream()}, and the file is deleted when the command is closed
     * ({@link RawCommand#close()}).
     */
    final class Literal implements Token {
        private final byte[] data;
        private final Path file;
        private final long size;
        private final boolean binary;

        public Literal(byte[] data, boolean binary) {
            this(data.clone(), null, data.length, binary);
        }

        /** Takes ownership of {@code data}; for the reader, which never touches it again. */
        static Literal wrap(byte[] data, boolean binary) {
            return new Literal(data, null, data.length, binary);
        }

        /** The octets are in {@code file}, which the literal owns from now on. */
        static Literal spooled(Path file, long size, boolean binary) {
            return new Literal(null, file, size, binary);
        }

        private Literal(byte[] data, Path file, long size, boolean binary) {
            this.data = data;
            this.file = file;
            this.size = size;
            this.binary = binary;
        }

        public long size() {
            return size;
        }

        public boolean binary() {
            return binary;
        }

        /** Whether the octets are in a temporary file rather than in memory. */
        public boolean spooled() {
            return file != null;
        }

        /** The temporary file of a {@link #spooled()} literal, else null. */
        Path file() {
            return file;
        }

        /** A copy of the octets; not for a spooled literal, which is too large for that. */
        public byte[] bytes() {
            return inMemory().clone();
        }

        /** The octets as a stream, without copying them into memory. */
        public InputStream openStream() throws IOException {
            return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(data);
        }

        public String text(Charset charset) {
            return new String(inMemory(), charset);
        }

        /** The octets as UTF-8 (RFC 6855; plain ASCII is unchanged by it). */
        public String text() {
            return text(StandardCharsets.UTF_8);
        }

        private byte[] inMemory() {
            if (data == null) throw new IllegalStateException("a spooled literal is only read as a stream");
            return data;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Literal l) || l.binary != binary) return false;
            return file != null ? file.equals(l.file) : l.data != null && Arrays.equals(l.data, data);
        }

        @Override
        public int hashCode() {
            return (file != null ? file.hashCode() : Arrays.hashCode(data)) * 31 + (binary ? 1 : 0);
        }

        @Override
        public String toString() {
            return (binary ? "~{" : "{") + size + "}";
        }
    }
}
