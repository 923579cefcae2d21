package org.zcp.protocols.imap.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.zcp.protocols.imap.parse.ResponseWriter.Status;

class ResponseWriterTest {
    final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    final ResponseWriter w = new ResponseWriter(sink);

    String sent() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void untaggedIsBufferedUntilTheTaggedResponse() throws Exception {
        w.untagged("3 EXISTS");
        assertThat(sent()).isEmpty();
        w.tagged("a1", Status.OK, "READ-WRITE", "SELECT completed");
        assertThat(sent()).isEqualTo("* 3 EXISTS\r\na1 OK [READ-WRITE] SELECT completed\r\n");
        w.tagged("a2", Status.BAD, null, "Unknown command");
        assertThat(sent()).endsWith("a2 BAD Unknown command\r\n");
    }

    @Test
    void continuationIsFlushed() throws Exception {
        w.continuation("Ready for literal data");
        assertThat(sent()).isEqualTo("+ Ready for literal data\r\n");
    }

    @Test
    void stringsAreQuotedOrLiteral() throws Exception {
        w.raw("* X ").string("plain").raw(" ").string("a\"b\\c").raw(" ").string("").raw(" ").nstring(null)
                .raw(" ").string("two\r\nlines").raw(" ").string("Gr\u00fc\u00dfe").crlf().flush();
        assertThat(sent()).isEqualTo("* X \"plain\" \"a\\\"b\\\\c\" \"\" NIL {10}\r\ntwo\r\nlines {7}\r\nGr\u00fc\u00dfe\r\n");
    }

    @Test
    void longStringsBecomeLiterals() throws Exception {
        w.string("x".repeat(ResponseWriter.MAX_QUOTED + 1)).flush();
        assertThat(sent()).startsWith("{1025}\r\nxxx");
        assertThat(ResponseWriter.quotedOrNull("x".repeat(2000))).isNull();
        assertThat(ResponseWriter.quotedOrNull("a\"")).isEqualTo("\"a\\\"\"");
    }

    @Test
    void utf8AcceptQuotes8BitText() throws Exception {
        w.utf8Accept(true);
        w.string("Gr\u00fc\u00dfe").raw(" ").mailbox("Entw\u00fcrfe").flush();
        assertThat(sent()).isEqualTo("\"Gr\u00fc\u00dfe\" \"Entw\u00fcrfe\"");
    }

    @Test
    void mailboxesAreEncoded() throws Exception {
        w.mailbox("Entw\u00fcrfe").raw(" ").mailbox("INBOX").raw(" ").mailbox("A&B").flush();
        assertThat(sent()).isEqualTo("\"Entw&APw-rfe\" \"INBOX\" \"A&-B\"");
    }

    @Test
    void literalBytes() throws Exception {
        w.literal(new byte[] {0, 1, 2}).flush();
        assertThat(sink.toByteArray()).containsExactly('{', '3', '}', '\r', '\n', 0, 1, 2);
    }

    @Test
    void rejectedCommandsRenderTheirResponse() {
        assertThat(RejectedCommandException.bad(null, "Missing or invalid tag").response())
                .isEqualTo("* BAD Missing or invalid tag");
        assertThat(RejectedCommandException.bad("x1", "Unbalanced parentheses").response())
                .isEqualTo("x1 BAD Unbalanced parentheses");
    }
}
