package org.zcp.protocols.imap.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.protocols.imap.parse.RejectedCommandException.Status;
import org.zcp.protocols.imap.parse.Token.Atom;
import org.zcp.protocols.imap.parse.Token.Literal;
import org.zcp.protocols.imap.parse.Token.Parenthesized;
import org.zcp.protocols.imap.parse.Token.Quoted;

/** The command reader against RFC 3501 section 9 and RFC 7888, including how it recovers from errors. */
class ImapReaderTest {
    static final ImapReader.Limits SMALL = new ImapReader.Limits(64, 10, 100);

    int continuations;

    ImapReader reader(String input) {
        return reader(input, ImapReader.Limits.defaults());
    }

    ImapReader reader(String input, ImapReader.Limits limits) {
        return new ImapReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)), limits,
                () -> continuations++);
    }

    static RejectedCommandException rejected(ImapReader r) {
        return catchThrowableOfType(RejectedCommandException.class, r::read);
    }

    static Literal lit(String s) {
        return new Literal(s.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    @Test
    void simpleCommand() throws Exception {
        ImapReader r = reader("a1 noop\r\n");
        assertThat(r.read()).isEqualTo(new RawCommand("a1", "NOOP", List.of()));
        assertThat(r.read()).isNull();
    }

    @Test
    void quotedStringsWithEscapes() throws Exception {
        RawCommand c = reader("a2 LOGIN \"john \\\"j\\\" doe\" \"p\\\\w\"\r\n").read();
        assertThat(c.args()).containsExactly(new Quoted("john \"j\" doe"), new Quoted("p\\w"));
    }

    @Test
    void emptyQuotedStringAndNil() throws Exception {
        RawCommand c = reader("a LIST \"\" nil\r\n").read();
        assertThat(c.args()).containsExactly(new Quoted(""), Token.Nil.INSTANCE);
    }

    @Test
    void synchronizingLiteralsAskForContinuationBeforeTheDataIsRead() throws Exception {
        String first = "a3 LOGIN {4}\r\n";
        String rest = "john {6}\r\nsecret\r\n";
        InputStream in = new InputStream() {
            final byte[] a = first.getBytes(StandardCharsets.US_ASCII);
            final byte[] b = rest.getBytes(StandardCharsets.US_ASCII);
            int pos;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (pos < a.length) {
                    int n = Math.min(len, a.length - pos);
                    System.arraycopy(a, pos, buf, off, n);
                    pos += n;
                    return n;
                }
                if (continuations == 0) throw new AssertionError("client would still be waiting for '+'");
                int p = pos - a.length;
                if (p >= b.length) return -1;
                int n = Math.min(len, Math.min(b.length - p, 5));
                System.arraycopy(b, p, buf, off, n);
                pos += n;
                return n;
            }
        };
        ImapReader r = new ImapReader(in, ImapReader.Limits.defaults(), () -> continuations++);
        RawCommand c = r.read();
        assertThat(c.name()).isEqualTo("LOGIN");
        assertThat(c.args()).containsExactly(lit("john"), lit("secret"));
        assertThat(continuations).isEqualTo(2);
    }

    @Test
    void nonSynchronizingLiteralsNeedNoContinuation() throws Exception {
        RawCommand c = reader("a4 LOGIN {4+}\r\njohn {6+}\r\nsecret\r\n").read();
        assertThat(c.args()).containsExactly(lit("john"), lit("secret"));
        assertThat(continuations).isZero();
    }

    @Test
    void emptyLiteralAndLiteralInsideAList() throws Exception {
        RawCommand c = reader("a X (a {3+}\r\nx y d) {0+}\r\n\r\n").read();
        assertThat(c.args()).containsExactly(new Parenthesized(List.of(new Atom("a"), lit("x y"), new Atom("d"))), lit(""));
    }

    @Test
    void binaryLiteralWithNulAnd8BitOctets() throws Exception {
        RawCommand c = reader("a1 APPEND INBOX ~{6}\r\n\0\u00ff\u0080a\r\n\r\n").read();
        Literal l = (Literal) c.args().get(1);
        assertThat(l.binary()).isTrue();
        assertThat(l.bytes()).containsExactly(0, 0xff, 0x80, 'a', '\r', '\n');
        assertThat(continuations).isEqualTo(1);
        Literal plain = (Literal) reader("a1 APPEND INBOX {3+}\r\n\u00e4\u00f6\u00fc\r\n").read().args().get(1);
        assertThat(plain.binary()).isFalse();
        assertThat(plain.bytes()).containsExactly(0xe4, 0xf6, 0xfc);
    }

    @Test
    void literalMayContainCrlfAndParentheses() throws Exception {
        RawCommand c = reader("a1 APPEND INBOX {12+}\r\n(a)\r\n\"b\r\n{3}\r\n").read();
        assertThat(((Literal) c.args().get(1)).text()).isEqualTo("(a)\r\n\"b\r\n{3}");
    }

    @Test
    void oversizedSynchronizingLiteralIsRefusedWithoutContinuation() throws Exception {
        ImapReader r = reader("a5 APPEND INBOX {11}\r\na6 NOOP\r\n", SMALL);
        RejectedCommandException e = rejected(r);
        assertThat(e.tag()).isEqualTo("a5");
        assertThat(e.status()).isEqualTo(Status.NO);
        assertThat(e.code()).isEqualTo("TOOBIG");
        assertThat(e.closeConnection()).isFalse();
        assertThat(e.response()).isEqualTo("a5 NO [TOOBIG] Literal too large");
        assertThat(continuations).isZero();
        assertThat(r.read().tag()).isEqualTo("a6");
    }

    @Test
    void literalAtTheLimitIsAccepted() throws Exception {
        RawCommand c = reader("a APPEND INBOX {10}\r\n0123456789\r\n", SMALL).read();
        assertThat(((Literal) c.args().get(1)).size()).isEqualTo(10);
    }

    @Test
    void oversizedNonSynchronizingLiteralIsDiscardedAndTheSessionGoesOn() throws Exception {
        ImapReader r = reader("a5 APPEND INBOX {20+}\r\n01234567890123456789 {3+}\r\nabc\r\na6 NOOP\r\n", SMALL);
        RejectedCommandException e = rejected(r);
        assertThat(e.response()).isEqualTo("a5 BAD [TOOBIG] Literal too large");
        assertThat(e.closeConnection()).isFalse();
        assertThat(r.read().tag()).isEqualTo("a6");
    }

    @Test
    void hugeNonSynchronizingLiteralClosesTheConnection() {
        ImapReader r = reader("a5 APPEND INBOX {2000000000+}\r\nxxxx", SMALL);
        RejectedCommandException e = rejected(r);
        assertThat(e.closeConnection()).isTrue();
        assertThat(e.status()).isEqualTo(Status.BAD);
        assertThat(e.bye()).isEqualTo("* BYE [TOOBIG] Literal too large");
    }

    @Test
    void literalSizeBeyond32BitsIsASyntaxError() throws Exception {
        ImapReader r = reader("a1 X {99999999999}\r\na2 NOOP\r\n");
        assertThat(rejected(r).response()).isEqualTo("a1 BAD Literal size too large");
        assertThat(r.read().tag()).isEqualTo("a2");
    }

    @Test
    void tooLongLineIsRefusedWithItsTag() throws Exception {
        ImapReader r = reader("a7 NOOP " + "x".repeat(200) + "\r\na8 NOOP\r\n", SMALL);
        RejectedCommandException e = rejected(r);
        assertThat(e.response()).isEqualTo("a7 BAD Command line too long");
        assertThat(r.read().tag()).isEqualTo("a8");
    }

    @Test
    void tooLongLineEndingInNonSyncLiteralSkipsTheLiteral() throws Exception {
        ImapReader r = reader("a7 X " + "x".repeat(200) + " {5+}\r\n{1+}\r\n\r\na8 NOOP\r\n", SMALL);
        assertThat(rejected(r).tag()).isEqualTo("a7");
        assertThat(r.read().tag()).isEqualTo("a8");
    }

    @Test
    void tooLongContinuationLineAfterALiteral() throws Exception {
        ImapReader r = reader("a7 X {1+}\r\nx " + "y".repeat(100) + "\r\na8 NOOP\r\n", SMALL);
        assertThat(rejected(r).response()).isEqualTo("a7 BAD Command line too long");
        assertThat(r.read().tag()).isEqualTo("a8");
    }

    @Test
    void lineExactlyAtTheLimitIsAccepted() throws Exception {
        String line = "a NOOP " + "x".repeat(64 - 7);
        assertThat(line).hasSize(64);
        assertThat(reader(line + "\r\n", SMALL).read().args()).hasSize(1);
    }

    @Test
    void missingOrInvalidTag() throws Exception {
        ImapReader r = reader(" NOOP\r\n* NOOP\r\na+ NOOP\r\n(a NOOP\r\na NOOP\r\n");
        for (int i = 0; i < 4; i++) {
            RejectedCommandException e = rejected(r);
            assertThat(e.tag()).isNull();
            assertThat(e.response()).isEqualTo("* BAD Missing or invalid tag");
        }
        assertThat(r.read().tag()).isEqualTo("a");
    }

    @Test
    void missingOrInvalidCommandName() throws Exception {
        ImapReader r = reader("a1\r\na2 \r\na3 \"NOOP\"\r\na4 NO[OP]\r\na5 {4}\r\n");
        for (String tag : List.of("a1", "a2", "a3", "a4")) {
            RejectedCommandException e = rejected(r);
            assertThat(e.tag()).isEqualTo(tag);
            assertThat(e.status()).isEqualTo(Status.BAD);
        }
        assertThat(rejected(r).tag()).isEqualTo("a5");
        assertThat(continuations).as("no continuation for a command without a name").isZero();
    }

    @Test
    void unbalancedParentheses() throws Exception {
        ImapReader r = reader("a1 FETCH 1 (FLAGS\r\na2 FETCH 1 FLAGS)\r\na3 FETCH 1 ((FLAGS)\r\na4 NOOP\r\n");
        for (String tag : List.of("a1", "a2", "a3")) {
            assertThat(rejected(r).response()).isEqualTo(tag + " BAD Unbalanced parentheses");
        }
        assertThat(r.read().tag()).isEqualTo("a4");
    }

    @Test
    void unterminatedQuotedStringAndBadEscape() throws Exception {
        ImapReader r = reader("a1 LOGIN \"john\r\na2 LOGIN \"j\\ohn\"\r\na3 NOOP\r\n");
        assertThat(rejected(r).response()).isEqualTo("a1 BAD Unterminated quoted string");
        assertThat(rejected(r).response()).isEqualTo("a2 BAD Invalid escape in quoted string");
        assertThat(r.read().tag()).isEqualTo("a3");
    }

    @Test
    void brokenLineEndingInNonSyncLiteralIsSkippedWithItsData() throws Exception {
        ImapReader r = reader("a1 LOGIN \"x {3+}\r\nabc\r\na2 NOOP\r\n");
        assertThat(rejected(r).tag()).isEqualTo("a1");
        assertThat(r.read().tag()).isEqualTo("a2");
    }

    @Test
    void brokenLineEndingInSyncLiteralGetsNoContinuation() throws Exception {
        ImapReader r = reader("a1 LOGIN \"x {3}\r\na2 NOOP\r\n");
        assertThat(rejected(r).tag()).isEqualTo("a1");
        assertThat(continuations).isZero();
        assertThat(r.read().tag()).isEqualTo("a2");
    }

    @Test
    void literalMustEndTheLineAndBeFollowedBySpace() throws Exception {
        ImapReader r = reader("a1 X {3} y\r\na2 X {3+}\r\nabcd\r\na3 NOOP\r\n");
        assertThat(rejected(r).response()).isEqualTo("a1 BAD Literal must end the line");
        assertThat(rejected(r).response()).isEqualTo("a2 BAD Missing space between arguments");
        assertThat(r.read().tag()).isEqualTo("a3");
    }

    @Test
    void bareLfIsToleratedButBareCrIsNot() throws Exception {
        ImapReader r = reader("a1 NOOP\na2 LOGIN {1+}\nx y\na3 NO\rOP\r\na4 NOOP\n");
        assertThat(r.read().tag()).isEqualTo("a1");
        assertThat(r.read().args()).containsExactly(lit("x"), new Atom("y"));
        assertThat(rejected(r).response()).isEqualTo("a3 BAD Control character in command");
        assertThat(r.read().tag()).isEqualTo("a4");
    }

    @Test
    void eightBitOutsideQuotesOrLiteralsIsRejected() throws Exception {
        ImapReader r = reader("a1 SELECT Entw\u00fcrfe\r\na2 NOOP\r\n");
        assertThat(rejected(r).response()).isEqualTo("a1 BAD 8-bit characters must be quoted or sent as literal");
        assertThat(r.read().tag()).isEqualTo("a2");
    }

    @Test
    void quotedStringsAreUtf8() throws Exception {
        byte[] utf8 = "a SELECT \"Entw\u00fcrfe\"\r\n".getBytes(StandardCharsets.UTF_8);
        ImapReader r = new ImapReader(new ByteArrayInputStream(utf8), ImapReader.Limits.defaults(), () -> { });
        assertThat(r.read().args()).containsExactly(new Quoted("Entw\u00fcrfe"));
    }

    @Test
    void pipelinedCommandsAreReadOneByOne() throws Exception {
        ImapReader r = reader("a1 SELECT INBOX\r\na2 FETCH 1:* (FLAGS)\r\na3 APPEND x {2+}\r\nhi\r\n\r\na4 LOGOUT\r\n");
        assertThat(r.read().name()).isEqualTo("SELECT");
        assertThat(r.read().name()).isEqualTo("FETCH");
        assertThat(r.read().args()).containsExactly(new Atom("x"), lit("hi"));
        assertThat(r.read().name()).isEqualTo("LOGOUT");
        assertThat(r.read()).isNull();
    }

    @Test
    void uidIsJoinedWithItsCommand() throws Exception {
        RawCommand c = reader("a1 uid fetch 1:* (FLAGS)\r\n").read();
        assertThat(c.name()).isEqualTo("UID FETCH");
        assertThat(c.args()).containsExactly(new Atom("1:*"), new Parenthesized(List.of(new Atom("FLAGS"))));
    }

    @Test
    void bracketedFetchItemStaysOneAtom() throws Exception {
        RawCommand c = reader("a FETCH 1 (BODY.PEEK[HEADER.FIELDS (DATE \"X-A\")]<0.100> FLAGS) BODY[]\r\n").read();
        assertThat(c.args()).containsExactly(new Atom("1"),
                new Parenthesized(List.of(new Atom("BODY.PEEK[HEADER.FIELDS (DATE \"X-A\")]<0.100>"), new Atom("FLAGS"))),
                new Atom("BODY[]"));
    }

    @Test
    void mailboxWithBracketsIsAnAtom() throws Exception {
        assertThat(reader("a SELECT [Gmail]/Sent\r\n").read().args()).containsExactly(new Atom("[Gmail]/Sent"));
        assertThat(reader("a SELECT x[y (z)\r\n").read().args())
                .containsExactly(new Atom("x[y"), new Parenthesized(List.of(new Atom("z"))));
    }

    @Test
    void emptyLinesBetweenCommandsAreIgnored() throws Exception {
        ImapReader r = reader("\r\n\n\r\na1 NOOP\r\n");
        assertThat(r.read().tag()).isEqualTo("a1");
    }

    @Test
    void extraSpacesAreTolerated() throws Exception {
        assertThat(reader("a1 LIST  \"\"   * \r\n").read().args()).containsExactly(new Quoted(""), new Atom("*"));
    }

    @Test
    void endOfInputInTheMiddleOfACommand() {
        assertThatThrownBy(() -> reader("a1 NOOP").read()).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> reader("a1 LOGIN {5+}\r\nab").read()).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> reader("a1 LOGIN {2+}\r\nab").read()).isInstanceOf(EOFException.class);
    }

    @Test
    void readLineForIdleDone() throws Exception {
        ImapReader r = reader("a1 IDLE\r\nDONE\r\na2 NOOP\r\n");
        assertThat(r.read().name()).isEqualTo("IDLE");
        assertThat(r.readLine()).isEqualTo("DONE");
        assertThat(r.buffered()).isEqualTo("a2 NOOP\r\n".length());
        assertThat(r.read().tag()).isEqualTo("a2");
        assertThat(r.readLine()).isNull();
    }

    @Test
    void nestingDepthIsBounded() throws Exception {
        ImapReader r = reader("a1 X " + "(".repeat(100) + ")".repeat(100) + "\r\na2 NOOP\r\n");
        assertThat(rejected(r).response()).isEqualTo("a1 BAD Lists nested too deeply");
        assertThat(r.read().tag()).isEqualTo("a2");
    }

    @Test
    void continuationFailurePropagates() {
        ImapReader r = new ImapReader(new ByteArrayInputStream("a X {1}\r\nx\r\n".getBytes(StandardCharsets.US_ASCII)),
                ImapReader.Limits.defaults(), () -> {
                    throw new IOException("broken pipe");
                });
        assertThatThrownBy(r::read).isInstanceOf(IOException.class).hasMessage("broken pipe");
    }
}
