package org.zcp.protocols.imap.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Literal limits before and after login, and spooling of large APPEND messages (security review #1). */
class ImapReaderLimitsTest {
    @TempDir
    Path spool;
    int continuations;

    ImapReader reader(byte[] input, boolean authenticated) {
        ImapReader r = new ImapReader(new ByteArrayInputStream(input), new ImapReader.Limits(64 * 1024,
                128 * 1024 * 1024, 1024 * 1024, 8 * 1024, 1024 * 1024, spool), () -> continuations++);
        r.authenticated(authenticated);
        return r;
    }

    ImapReader reader(String input, boolean authenticated) {
        return reader(input.getBytes(StandardCharsets.ISO_8859_1), authenticated);
    }

    RejectedCommandException rejection(ImapReader r) {
        try {
            r.read();
        } catch (RejectedCommandException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError("expected a rejection, got " + e, e);
        }
        throw new AssertionError("expected a rejection");
    }

    List<Path> spooled() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        }
    }

    @Test
    void aHugeNonSynchronizingLiteralBeforeLoginIsRefusedAtOnceWithoutReadingOrAllocatingIt() {
        // R1: only the announcement arrives; a reader that allocated or waited would hit EOF instead
        ImapReader r = reader("a LOGIN {134217000+}\r\n", false);
        RejectedCommandException e = rejection(r);
        assertThat(e.response()).isEqualTo("a BAD [TOOBIG] Literal too large");
        assertThat(e.closeConnection()).isTrue();
        assertThat(e.bye()).isEqualTo("* BYE [TOOBIG] Literal too large");
        assertThat(r.largestLiteralBuffer()).isZero();
    }

    @Test
    void aSynchronizingLiteralOver8KiBBeforeLoginGetsNoWithoutContinuationAndTheNextCommandIsRead() throws Exception {
        ImapReader r = reader("a LOGIN {8193}\r\nb NOOP\r\n", false);
        RejectedCommandException e = rejection(r);
        assertThat(e.response()).isEqualTo("a NO [TOOBIG] Literal too large");
        assertThat(e.closeConnection()).isFalse();
        assertThat(continuations).isZero();
        assertThat(r.read().tag()).isEqualTo("b");
    }

    @Test
    void literalsUpTo8KiBBeforeLoginAreRead() throws Exception {
        String user = "u".repeat(8192);
        RawCommand c = reader("a LOGIN {8192+}\r\n" + user + " pw\r\n", false).read();
        assertThat(Args.astring(c.args().get(0))).isEqualTo(user);
    }

    @Test
    void manyLiteralsInOneCommandBeforeLoginExhaustItsBudget() {
        StringBuilder b = new StringBuilder("a LOGIN");
        for (int i = 0; i < 12; i++) b.append(" {8000+}\r\n").append("x".repeat(8000));
        b.append("\r\nb NOOP\r\n");
        ImapReader r = reader(b.toString(), false);
        RejectedCommandException e = rejection(r);
        assertThat(e.response()).isEqualTo("a BAD [TOOBIG] Literal too large");
        assertThat(r.largestLiteralBuffer()).isLessThanOrEqualTo(8000);
    }

    @Test
    void anAnnouncedLiteralWhoseOctetsNeverComeAllocatesOnlyWhatArrived() {
        ImapReader r = reader("a SEARCH TEXT {1000000+}\r\n" + "x".repeat(100), true);
        assertThatThrownBy(r::read).isInstanceOf(EOFException.class);
        assertThat(r.largestLiteralBuffer()).isLessThanOrEqualTo(8192);
    }

    @Test
    void afterLoginOnlyAppendMayExceedTheInMemoryLimit() {
        ImapReader r = reader("a SEARCH TEXT {1048577}\r\n", true);
        assertThat(rejection(r).response()).isEqualTo("a NO [TOOBIG] Literal too large");
        assertThat(continuations).isZero();
    }

    @Test
    void aLargeAppendMessageIsSpooledToAPrivateFileThatClosingTheCommandDeletes() throws Exception {
        byte[] message = new byte[3 * 1024 * 1024 + 17];
        Arrays.fill(message, (byte) 'm');
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(("a APPEND INBOX (\\Seen) {" + message.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
        wire.writeBytes(message);
        wire.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        ImapReader r = reader(wire.toByteArray(), true);
        RawCommand c = r.read();
        assertThat(continuations).isEqualTo(1);
        Token.Literal literal = AppendRequest.parse(c.cursor()).message();
        assertThat(literal.spooled()).isTrue();
        assertThat(literal.size()).isEqualTo(message.length);
        assertThat(r.largestLiteralBuffer()).isZero();
        Path file = spooled().get(0);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (InputStream in = literal.openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(message);
        }
        c.close();
        assertThat(spooled()).isEmpty();
    }

    @Test
    void aSpooledLiteralIsDeletedWhenTheConnectionEndsInTheMiddleOfIt() throws IOException {
        ImapReader r = reader("a APPEND INBOX {5000000+}\r\n" + "x".repeat(100_000), true);
        assertThatThrownBy(r::read).isInstanceOf(EOFException.class);
        assertThat(spooled()).isEmpty();
    }

    @Test
    void aSpooledLiteralIsDeletedWhenTheRestOfTheCommandIsBroken() throws IOException {
        String octets = "x".repeat(2 * 1024 * 1024);
        RejectedCommandException e = rejection(reader("a APPEND INBOX {" + octets.length() + "+}\r\n" + octets
                + " )\r\nb NOOP\r\n", true));
        assertThat(e.response()).isEqualTo("a BAD Unbalanced parentheses");
        assertThat(spooled()).isEmpty();
    }

    @Test
    void aSpooledLiteralCannotBeUsedAsAString() throws Exception {
        String octets = "x".repeat(2 * 1024 * 1024);
        try (RawCommand c = reader("a APPEND {" + octets.length() + "+}\r\n" + octets + " {1+}\r\nm\r\n", true).read()) {
            assertThatThrownBy(() -> AppendRequest.parse(c.cursor())).isInstanceOf(ParseException.class)
                    .hasMessage("String too long");
        }
    }
}
