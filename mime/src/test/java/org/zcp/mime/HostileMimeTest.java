package org.zcp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValues;
import org.zcp.mime.HostileMime;
import org.zcp.mime.HostileMimeTest;
import org.zcp.mime.HtmlText;
import org.zcp.mime.MapiToMime;
import org.zcp.mime.MimeToMapi;

/**
 * Every case of the hostile-input corpus ({@link HostileMime}) goes through MIME to MAPI and back
 * through MAPI to MIME (as IMAP, POP3 and the spooler do) and comes out as a message: converted,
 * or kept whole with a note saying why. The timeout only guards against a hang (security review
 * #2: minutes of CPU per message before); no timing is asserted.
 */
class HostileMimeTest {
    private static final Duration HANG_GUARD = Duration.ofMinutes(3);

    /** What became of a case: the MAPI message and the MIME text made from it. */
    record Outcome(Message message, byte[] mimeAgain) {
    }

    static Outcome run(byte[] raw) throws Exception {
        MimeMessage mime = MimeToMapi.parse(new ByteArrayInputStream(raw));
        Message m = MimeToMapi.convert(mime, raw, 1_700_000_000_000L);
        byte[] again = MapiToMime.toBytes(MapiToMime.convert(m, MapiToMime.Sender.of("Alice", "alice@example.com"),
                MapiToMime.Options.smtp("example.com", null)));
        // and once more, as a client would see the message it was sent
        MimeToMapi.convert(MimeToMapi.parse(new ByteArrayInputStream(again)), again, 1_700_000_000_000L);
        return new Outcome(m, again);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseIsStoredInBoundedWork() {
        return HostileMime.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Outcome o = assertTimeoutPreemptively(HANG_GUARD, () -> run(c.text().get()), c.name() + " hangs");
            assertThat(PropValues.string(o.message().props, PropTag.PR_MESSAGE_CLASS)).isEqualTo("IPM.Note");
            String body = PropValues.string(o.message().props, PropTag.PR_BODY);
            if (body != null) assertThat(body.length()).isLessThanOrEqualTo(Math.max(HtmlText.MAX_CHARS, 11 << 20));
            assertThat(o.mimeAgain()).isNotEmpty();
        }));
    }

    @Test
    void theIndexAndTheDirectoryAgree() {
        List<String> names = HostileMime.index();
        assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(20);
        assertThat(names.stream().filter(n -> !n.endsWith(".eml")))
                .containsExactlyInAnyOrderElementsOf(HostileMime.generated().keySet());
    }

    @Test
    void badReferencesBecomeReplacementCharacters() throws Exception {
        Message m = run(HostileMime.resource("html-bad-entities.eml")).message();
        String body = PropValues.string(m.props, PropTag.PR_BODY);
        assertThat(body).startsWith("\uFFFD \uFFFD \uFFFD \uFFFD \uFFFD \uFFFD \uFFFD").endsWith("A");
        assertThat(PropValues.binary(m.props, PropTag.PR_HTML)).as("the HTML is kept as it came").isNotEmpty();
    }

    @Test
    void anHtmlBombKeepsItsHtmlAndGetsABoundedText() throws Exception {
        Message m = run(HostileMime.generated().get("html-lt-10m").get()).message();
        assertThat(PropValues.string(m.props, PropTag.PR_BODY)).hasSize(HtmlText.MAX_CHARS);
        assertThat(PropValues.binary(m.props, PropTag.PR_HTML).length).isGreaterThanOrEqualTo(10 << 20);
    }

    @Test
    void nestingDeeperThanTwentyIsKeptAsAnAttachment() throws Exception {
        Message m = run(HostileMime.resource("deep-nesting-200.eml")).message();
        assertThat(m.attachments).hasSize(1);
        assertThat(new String(m.attachments.get(0).data, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("bottom of the nest");
    }

    @Test
    void theBmpBombIsAnOrdinaryAttachmentHere() throws Exception {
        Message m = run(HostileMime.resource("bmp-bomb.eml")).message();
        Attachment bmp = m.attachments.get(0);
        assertThat(PropValues.string(bmp.props, PropTag.PR_ATTACH_LONG_FILENAME)).isEqualTo("bomb.bmp");
        assertThat(bmp.data).hasSize(14 + 40 + 1024 + 2).startsWith('B', 'M');
    }

    @Test
    void aMessageThatDoesNotConvertIsKeptWholeWithTheReason() throws Exception {
        byte[] raw = HostileMime.resource("charset-unknown.eml");
        MimeMessage mime = MimeToMapi.parse(new ByteArrayInputStream(raw));
        Message m = MimeToMapi.unconverted(mime, raw, 1L, new IllegalStateException("test"));
        assertThat(PropValues.string(m.props, PropTag.PR_BODY)).contains("could not be converted")
                .contains("IllegalStateException");
        assertThat(m.attachments.get(0).data).isEqualTo(raw);
        assertThat(PropValues.string(m.props, PropTag.PR_SUBJECT)).isEqualTo("=?x-no-such-charset?Q?caf=E9?=");
    }
}
